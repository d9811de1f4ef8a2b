import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { ChurnReaderModule } from '../churn/churn-reader.module';
import { CONTACT_GATE } from '../common/contact/contact-gate.port';
import { JobsModule } from '../common/jobs/jobs.module';
import { CustomersModule } from '../customers/customers.module';
import { SurveysModule } from '../surveys/surveys.module';
import { UsersModule } from '../users/users.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { ContactGuardJob } from './contact-guard.job';
import { ContactGuardService } from './contact-guard.service';
import { ContactPolicySettingsEntity } from './contact-policy-settings.entity';
import { ContactPolicyController } from './contact-policy.controller';
import { ContactPolicyRepository } from './contact-policy.repository';
import { ContactPolicyService } from './contact-policy.service';
import { ContactPolicyViews } from './contact-policy.views';
import { CustomerGuardEntity } from './customer-guard.entity';
import { CustomerSurveyContactEntity } from './customer-survey-contact.entity';

/**
 * One contact policy across every channel: the frequency cap and the communication guard. Other modules reach it
 * through CONTACT_GATE (common/contact), looked up with ModuleRef, so none of them imports this module.
 */
@Module({
  imports: [
    CasesReaderModule,
    ChurnReaderModule,
    CustomersModule,
    SurveysModule,
    UsersModule,
    WebhooksModule,
    JobsModule,
    WorkspacesDataModule,
    TypeOrmModule.forFeature([ContactPolicySettingsEntity, CustomerSurveyContactEntity, CustomerGuardEntity]),
  ],
  controllers: [ContactPolicyController],
  providers: [
    ContactPolicyRepository,
    ContactPolicyService,
    ContactPolicyViews,
    ContactGuardService,
    ContactGuardJob,
    { provide: CONTACT_GATE, useExisting: ContactPolicyService },
  ],
  exports: [ContactPolicyService, CONTACT_GATE],
})
export class ContactPolicyModule {}
