import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SurveysModule } from '../surveys/surveys.module';
import { ResponseEntity } from './response.entity';
import { ResponsesReaderModule } from './responses-reader.module';
import { ResponsesController } from './responses.controller';
import { ResponsesRepository } from './responses.repository';
import { ResponsesService } from './responses.service';

@Module({
  imports: [SurveysModule, ResponsesReaderModule, TypeOrmModule.forFeature([ResponseEntity])],
  controllers: [ResponsesController],
  providers: [ResponsesRepository, ResponsesService],
  exports: [ResponsesReaderModule],
})
export class ResponsesModule {}
