import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuthModule } from './auth/auth.module';
import { ChurnModule } from './churn/churn.module';
import { CasesModule } from './cases/cases.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { CustomersModule } from './customers/customers.module';
import { EarlyWarningModule } from './early-warning/early-warning.module';
import { CustomerImportsModule } from './customers/import/customer-imports.module';
import { MomentsModule } from './customers/moments/moments.module';
import { ErrorFilter } from './common/http/error.filter';
import { requestLoggingParams } from './common/http/request-logging';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { MembersModule } from './members/members.module';
import { MentionsModule } from './mentions/mentions.module';
import { OverviewModule } from './overview/overview.module';
import { ResponsesModule } from './responses/responses.module';
import { ResponseImportsModule } from './responses/import/response-imports.module';
import { SegmentsModule } from './segments/segments.module';
import { SurveyMetricsModule } from './survey-metrics/survey-metrics.module';
import { SurveyParametersModule } from './survey-parameters/survey-parameters.module';
import { SurveysModule } from './surveys/surveys.module';
import { TouchpointsModule } from './touchpoints/touchpoints.module';
import { UsersModule } from './users/users.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WorkspacesModule } from './workspaces/workspaces.module';
import { PublicWriteModule } from './web/public-write/public-write.module';
import { PromisesModule } from './promises/promises.module';
import { WinBackModule } from './win-back/win-back.module';
import { ServiceAuditModule } from './service-audit/service-audit.module';
import { MirrorModule } from './mirror/mirror.module';
import { ContactPolicyModule } from './contact-policy/contact-policy.module';
import { CompensationModule } from './compensation/compensation.module';
import { MessagingModule } from './messaging/messaging.module';
import { InboundMessagesModule } from './messaging/inbound/inbound-messages.module';
import { SurveyInvitationsModule } from './survey-invitations/survey-invitations.module';
import { PublicAnswersModule } from './public-answers/public-answers.module';
import { loginThrottlers } from './auth/login-throttle';
import { RateLimitsModule } from './common/rate-limits/rate-limits.module';
import { SharedRateLimiters } from './common/rate-limits/shared-rate-limiters';
import { ReadReplicaModule } from './database/read-replica.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(requestLoggingParams(config)),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl, config.databaseReadUrl)),
        ReadReplicaModule,
        ThrottlerModule.forRootAsync({
          imports: [RateLimitsModule],
          inject: [SharedRateLimiters],
          useFactory: (limiters: SharedRateLimiters) => loginThrottlers(config, limiters),
        }),
        PublicWriteModule,
        UsersModule,
        MembersModule,
        WorkspacesModule,
        ApiTokensModule,
        AuthModule,
        HealthModule,
        SurveysModule,
        ResponsesModule,
        ResponseImportsModule,
        SurveyMetricsModule,
        SurveyParametersModule,
        CustomersModule,
        CustomerImportsModule,
        MomentsModule,
        ChurnModule,
        WebhooksModule,
        MentionsModule,
        ComplaintsModule,
        TouchpointsModule,
        CasesModule,
        PromisesModule,
        WinBackModule,
        ServiceAuditModule,
        EarlyWarningModule,
        SegmentsModule,
        OverviewModule,
        MirrorModule,
        ContactPolicyModule,
        MessagingModule,
        InboundMessagesModule,
        SurveyInvitationsModule,
        CompensationModule,
        PublicAnswersModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
    };
  }
}
