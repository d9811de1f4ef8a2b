import { Injectable, OnModuleInit } from '@nestjs/common';
import { PublicRoutes } from '../web/public-write/public-routes';
import { PublicIngestService } from './public-ingest.service';
import { PublicSurveyCache } from './public-survey.cache';
import { RecordDisplayDto, SubmitResponseDto } from './public.dto';

/** Declares the surveys module's public routes: a survey's allowed origins, and its two widget writes. */
@Injectable()
export class PublicSurveyRoutes implements OnModuleInit {
  constructor(
    private readonly routes: PublicRoutes,
    private readonly cache: PublicSurveyCache,
    private readonly ingest: PublicIngestService,
  ) {}

  onModuleInit(): void {
    this.routes.register({
      target: 'survey',
      origins: (publicKey) => this.cache.byPublicKey(publicKey),
      writes: {
        displays: { dto: RecordDisplayDto, handle: (publicKey, input: RecordDisplayDto) => this.ingest.recordDisplay(publicKey, input) },
        responses: {
          dto: SubmitResponseDto,
          handle: (publicKey, input: SubmitResponseDto, { userAgent }) => this.ingest.submitResponse(publicKey, input, { userAgent }),
        },
      },
    });
  }
}
