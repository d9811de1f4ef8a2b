import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ChurnModule } from '../churn/churn.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { MembersModule } from '../members/members.module';
import { MentionsModule } from '../mentions/mentions.module';
import { SurveyMetricsModule } from '../survey-metrics/survey-metrics.module';
import { SurveysModule } from '../surveys/surveys.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { OverviewController } from './overview.controller';
import { OverviewService } from './overview.service';

/** The home page's one endpoint. It owns no tables: every figure comes from another module's exported service. */
@Module({
  imports: [
    SurveysModule,
    SurveyMetricsModule,
    ChurnModule,
    CasesModule,
    ComplaintsModule,
    MentionsModule,
    TouchpointsModule,
    MembersModule,
  ],
  controllers: [OverviewController],
  providers: [OverviewService],
})
export class OverviewModule {}
