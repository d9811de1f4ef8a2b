import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerIdentityModule } from '../customer-identity/customer-identity.module';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { PublicIngestRepository } from './public-ingest.repository';
import { PublicIngestService } from './public-ingest.service';
import { PublicRateLimitGuard } from '../web/public-write/public-rate-limit.guard';
import { PublicSurveyRoutes } from './public-survey-routes';
import { PublicSurveyCache } from './public-survey.cache';
import { PublicSurveysController } from './public-surveys.controller';
import { SurveysController } from './surveys.controller';
import { SurveyDisplayEntity } from './survey-display.entity';
import { SurveyVersionEntity } from './survey-version.entity';
import { SurveyEntity } from './survey.entity';
import { SurveysReader } from './surveys.reader';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

@Module({
  imports: [
    CustomerIdentityModule,
    ResponsesReaderModule,
    WebhooksModule,
    TypeOrmModule.forFeature([SurveyEntity, SurveyVersionEntity, SurveyDisplayEntity]),
  ],
  controllers: [SurveysController, PublicSurveysController],
  providers: [
    SurveysRepository,
    SurveysReader,
    SurveysService,
    PublicSurveyCache,
    PublicIngestRepository,
    PublicIngestService,
    PublicRateLimitGuard,
    PublicSurveyRoutes,
  ],
  exports: [SurveysReader, PublicSurveyCache, PublicIngestService],
})
export class SurveysModule {}
