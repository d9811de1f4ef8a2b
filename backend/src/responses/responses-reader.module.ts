import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResponseEntity } from './response.entity';
import { ResponsesReader } from './responses.reader';

/**
 * The one way other modules read `responses`. Kept apart from ResponsesModule (which imports SurveysModule) so the
 * surveys module can use it without a module cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ResponseEntity])],
  providers: [ResponsesReader],
  exports: [ResponsesReader],
})
export class ResponsesReaderModule {}
