import { Module } from '@nestjs/common';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { SurveysModule } from '../surveys/surveys.module';
import { SurveyParametersController } from './survey-parameters.controller';
import { SurveyParametersService } from './survey-parameters.service';

/** Satisfaction by parameter (issue 17): results of rating-matrix questions. */
@Module({
  imports: [SurveysModule, ResponsesReaderModule, SegmentsReaderModule],
  controllers: [SurveyParametersController],
  providers: [SurveyParametersService],
})
export class SurveyParametersModule {}
