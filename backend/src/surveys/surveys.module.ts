import { Module } from '@nestjs/common';
import { CustomerIdentityModule } from '../customer-identity/customer-identity.module';
import { PublicIngestRepository } from './public-ingest.repository';
import { PublicIngestService } from './public-ingest.service';
import { PublicRateLimiter, PublicRateLimitGuard } from './public-rate-limit.guard';
import { PublicSurveyCache } from './public-survey.cache';
import { PublicSurveysController } from './public-surveys.controller';
import { SurveysController } from './surveys.controller';
import { SurveysRepository } from './surveys.repository';
import { SurveysService } from './surveys.service';

@Module({
  imports: [CustomerIdentityModule],
  controllers: [SurveysController, PublicSurveysController],
  providers: [SurveysRepository, SurveysService, PublicSurveyCache, PublicIngestRepository, PublicIngestService, PublicRateLimiter, PublicRateLimitGuard],
  exports: [SurveysRepository, PublicSurveyCache, PublicIngestService, PublicRateLimiter],
})
export class SurveysModule {}
