import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ChurnModule } from '../churn/churn.module';
import { CustomersModule } from '../customers/customers.module';
import { MentionsModule } from '../mentions/mentions.module';
import { SurveyMetricsModule } from '../survey-metrics/survey-metrics.module';
import { SegmentBreakdownService } from './segment-breakdown.service';
import { SegmentsController } from './segments.controller';
import { SegmentsReaderModule } from './segments-reader.module';
import { SegmentsService } from './segments.service';

/**
 * Saved segments and the breakdown by segment. The analytics modules filter by segment through SegmentsReaderModule;
 * this module uses them in turn for the breakdown, so the two are apart.
 */
@Module({
  imports: [SegmentsReaderModule, CustomersModule, SurveyMetricsModule, ChurnModule, CasesModule, MentionsModule],
  controllers: [SegmentsController],
  providers: [SegmentsService, SegmentBreakdownService],
})
export class SegmentsModule {}
