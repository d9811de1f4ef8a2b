import { Module } from '@nestjs/common';
import { SurveysModule } from '../surveys/surveys.module';
import { ResponsesController } from './responses.controller';
import { ResponsesRepository } from './responses.repository';
import { ResponsesService } from './responses.service';

@Module({
  imports: [SurveysModule],
  controllers: [ResponsesController],
  providers: [ResponsesRepository, ResponsesService],
  exports: [ResponsesRepository],
})
export class ResponsesModule {}
