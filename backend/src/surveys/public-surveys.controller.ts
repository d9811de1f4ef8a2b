import { Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.decorators';
import { ErrorResponseDto } from '../common/http/error.dto';
import { answerPublicWrite } from '../web/public-write/nest-transport';
import { PublicWrites } from '../web/public-write/public-write.module';
import { PublicIngestService } from './public-ingest.service';
import { PublicRateLimitGuard } from '../web/public-write/public-rate-limit.guard';
import { DisplayRecordedDto, RecordDisplayDto, ResponseRecordedDto, SubmitResponseDto } from './public.dto';
import { PublicSurveyConfigDto } from './public-survey-config.dto';
import type { PublicSurveyConfig } from '@otklik/survey-model';

const str = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/**
 * The hostile public edge that embedded widgets talk to. The writes are answered by the public-write pipeline
 * (web/public-write, registered in public-survey-routes.ts), the same one the ingest edge calls; CORS for the
 * config read is set in app.factory.
 */
@ApiTags('public')
@Controller('public/surveys/:publicKey')
@Public()
export class PublicSurveysController {
  constructor(
    private readonly ingest: PublicIngestService,
    private readonly writes: PublicWrites,
  ) {}

  @Get()
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({ summary: "A survey's widget configuration in one language, and whether this respondent may see it now" })
  @ApiQuery({ name: 'respondentId', required: false })
  @ApiQuery({ name: 'language', required: false })
  @ApiQuery({ name: 'customerId', required: false })
  @ApiQuery({
    name: 'customerHash',
    required: false,
    description: 'hex HMAC-SHA256(identity secret, customerId): without it nothing about the customer is revealed',
  })
  @ApiQuery({
    name: 'via',
    required: false,
    enum: ['link'],
    description: 'link: the hosted link page; the contact policy does not refuse a link the customer was sent',
  })
  @ApiOkResponse({ type: PublicSurveyConfigDto, description: 'See docs/survey-widgets.md' })
  config(@Param('publicKey') publicKey: string, @Query() query: Record<string, unknown>): Promise<PublicSurveyConfig> {
    return this.ingest.config(publicKey, {
      respondentId: str(query.respondentId, 64),
      // A comma list of candidates (data-language, <html lang>, navigator.languages); a long list is cut, not refused.
      language: str(query.language, 2000)?.slice(0, 200),
      customerId: str(query.customerId, 200),
      customerHash: str(query.customerHash, 64),
      via: query.via === 'link' ? 'link' : undefined,
    });
  }

  @Post('displays')
  @ApiOperation({ summary: 'Record that the widget was shown (idempotent per key)' })
  @ApiCreatedResponse({ type: DisplayRecordedDto })
  @ApiOkResponse({ type: DisplayRecordedDto, description: 'Already recorded with this idempotency key' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'recontact_window, already_responded or not_live' })
  @ApiBody({ type: RecordDisplayDto })
  display(@Param('publicKey') _publicKey: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return answerPublicWrite(this.writes, req, res);
  }

  @Post('responses')
  @ApiOperation({ summary: 'Save answers so far (idempotent per key; finished: true completes the response)' })
  @ApiCreatedResponse({ type: ResponseRecordedDto })
  @ApiOkResponse({ type: ResponseRecordedDto, description: 'Merged into the response with this idempotency key' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'recontact_window, already_responded or not_live' })
  @ApiBody({ type: SubmitResponseDto })
  respond(@Param('publicKey') _publicKey: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return answerPublicWrite(this.writes, req, res);
  }
}
