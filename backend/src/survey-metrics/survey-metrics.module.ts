import { Module } from '@nestjs/common';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { SurveysModule } from '../surveys/surveys.module';
import { SurveyMetricsController } from './survey-metrics.controller';
import { SurveyMetricsService } from './survey-metrics.service';

@Module({
  imports: [SurveysModule, ResponsesReaderModule, SegmentsReaderModule],
  controllers: [SurveyMetricsController],
  providers: [SurveyMetricsService],
  exports: [SurveyMetricsService],
})
export class SurveyMetricsModule {}
