import { Module } from '@nestjs/common';
import { SurveysModule } from '../surveys/surveys.module';
import { SurveyMetricsController } from './survey-metrics.controller';
import { SurveyMetricsRepository } from './survey-metrics.repository';
import { SurveyMetricsService } from './survey-metrics.service';

@Module({
  imports: [SurveysModule],
  controllers: [SurveyMetricsController],
  providers: [SurveyMetricsRepository, SurveyMetricsService],
  exports: [SurveyMetricsService],
})
export class SurveyMetricsModule {}
