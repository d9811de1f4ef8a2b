import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SURVEY_MOMENT_TRIGGERS } from '../../surveys/moment-triggers.port';
import { SurveysModule } from '../../surveys/surveys.module';
import { WebhooksModule } from '../../webhooks/webhooks.module';
import { CustomersModule } from '../customers.module';
import { CustomerMomentEntity } from './customer-moment.entity';
import { MomentTimelineSource } from './moment-timeline.source';
import { MomentsController } from './moments.controller';
import { MomentsRepository } from './moments.repository';
import { MomentsService } from './moments.service';
import { SurveyMomentTriggersProvider } from './survey-moment-triggers';

/**
 * Risky moments reported by servers: recorded, announced to webhooks, shown on the customer timeline, and
 * offered to the public survey config (which looks SURVEY_MOMENT_TRIGGERS up without importing this module).
 */
@Module({
  imports: [CustomersModule, WebhooksModule, SurveysModule, TypeOrmModule.forFeature([CustomerMomentEntity])],
  controllers: [MomentsController],
  providers: [
    MomentsRepository,
    MomentsService,
    MomentTimelineSource,
    SurveyMomentTriggersProvider,
    { provide: SURVEY_MOMENT_TRIGGERS, useExisting: SurveyMomentTriggersProvider },
  ],
  // Early warnings record a moment for a customer at risk, so a survey waiting for it asks before they leave.
  exports: [MomentsService],
})
export class MomentsModule {}
