import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { JobsModule } from '../common/jobs/jobs.module';
import { CustomersModule } from '../customers/customers.module';
import { MessagingModule } from '../messaging/messaging.module';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { SurveysModule } from '../surveys/surveys.module';
import { UsersModule } from '../users/users.module';
import { InvitationAudienceService } from './invitation-audience.service';
import { InvitationFanOutService } from './invitation-fan-out.service';
import { InvitationRateLimitGuard } from './invitation-rate-limit.guard';
import { PublicInvitationsController } from './public-invitations.controller';
import { PublicInvitationsService } from './public-invitations.service';
import { SurveyInvitationsJob } from './survey-invitations.job';
import { SurveySendRecipientEntity } from './survey-send-recipient.entity';
import { SurveySendEntity } from './survey-send.entity';
import { SurveySendsController } from './survey-sends.controller';
import { SurveySendsRepository } from './survey-sends.repository';
import { SurveySendsService } from './survey-sends.service';

/**
 * Email survey invitations (issue 18): sends of a survey to a segment, a list or on an event, their recipients with
 * per-recipient tokens, the score links and unsubscribe pages, the one reminder, and response rates per send.
 */
@Module({
  imports: [
    JobsModule,
    SurveysModule,
    SegmentsReaderModule,
    CustomersModule,
    ResponsesReaderModule,
    CasesReaderModule,
    MessagingModule,
    UsersModule,
    TypeOrmModule.forFeature([SurveySendEntity, SurveySendRecipientEntity]),
  ],
  controllers: [SurveySendsController, PublicInvitationsController],
  providers: [
    SurveySendsRepository,
    InvitationAudienceService,
    InvitationFanOutService,
    SurveyInvitationsJob,
    SurveySendsService,
    PublicInvitationsService,
    InvitationRateLimitGuard,
  ],
})
export class SurveyInvitationsModule {}
