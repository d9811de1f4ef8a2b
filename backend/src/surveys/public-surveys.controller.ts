import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.decorators';
import { ErrorResponseDto } from '../common/http/error.dto';
import { PublicIngestService } from './public-ingest.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { DisplayRecordedDto, RecordDisplayDto, ResponseRecordedDto, SubmitResponseDto } from './public.dto';
import { PublicSurveyConfigDto } from './public-survey-config.dto';
import type { PublicSurveyConfig } from '@otklik/survey-model';

const str = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/** The hostile public edge that embedded widgets talk to (CORS and body cap are set in app.factory). */
@ApiTags('public')
@Controller('public/surveys/:publicKey')
@Public()
@UseGuards(PublicRateLimitGuard)
export class PublicSurveysController {
  constructor(private readonly ingest: PublicIngestService) {}

  @Get()
  @ApiOperation({ summary: "A survey's widget configuration in one language, and whether this respondent may see it now" })
  @ApiQuery({ name: 'respondentId', required: false })
  @ApiQuery({ name: 'language', required: false })
  @ApiQuery({ name: 'customerId', required: false })
  @ApiQuery({ name: 'customerHash', required: false, description: 'hex HMAC-SHA256(identity secret, customerId): without it nothing about the customer is revealed' })
  @ApiOkResponse({ type: PublicSurveyConfigDto, description: 'See docs/survey-widgets.md' })
  config(@Param('publicKey') publicKey: string, @Query() query: Record<string, unknown>): Promise<PublicSurveyConfig> {
    return this.ingest.config(publicKey, {
      respondentId: str(query.respondentId, 64),
      // A comma list of candidates (data-language, <html lang>, navigator.languages); a long list is cut, not refused.
      language: str(query.language, 2000)?.slice(0, 200),
      customerId: str(query.customerId, 200),
      customerHash: str(query.customerHash, 64),
    });
  }

  @Post('displays')
  @ApiOperation({ summary: 'Record that the widget was shown (idempotent per key)' })
  @ApiCreatedResponse({ type: DisplayRecordedDto })
  @ApiOkResponse({ type: DisplayRecordedDto, description: 'Already recorded with this idempotency key' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'recontact_window, already_responded or not_live' })
  async display(
    @Param('publicKey') publicKey: string,
    @Body() body: RecordDisplayDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DisplayRecordedDto> {
    const result = await this.ingest.recordDisplay(publicKey, body);
    res.status(result.created ? 201 : 200);
    return result.body;
  }

  @Post('responses')
  @ApiOperation({ summary: 'Save answers so far (idempotent per key; finished: true completes the response)' })
  @ApiCreatedResponse({ type: ResponseRecordedDto })
  @ApiOkResponse({ type: ResponseRecordedDto, description: 'Merged into the response with this idempotency key' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'recontact_window, already_responded or not_live' })
  async respond(
    @Param('publicKey') publicKey: string,
    @Body() body: SubmitResponseDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResponseRecordedDto> {
    const result = await this.ingest.submitResponse(publicKey, body, { userAgent: req.header('user-agent') });
    res.status(result.created ? 201 : 200);
    return result.body;
  }
}
