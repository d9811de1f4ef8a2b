import { Controller, Headers, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../common/auth/access.decorators';
import { ErrorResponseDto } from '../common/http/error.dto';
import { validationError } from '../common/http/validation.pipe';
import { SignedIngestService } from './ingest-keys/signed-ingest.service';
import { MentionBatchDto, MentionIngestResultDto } from './mention-input.dto';

/** The signed mention webhook. Its body arrives raw (see app.factory), as the signature covers the exact bytes. */
@ApiTags('mentions')
@Controller('ingest')
export class MentionIngestController {
  constructor(private readonly signed: SignedIngestService) {}

  @Post('mentions')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Signed webhook for mentions: one mention, a list, or { mentions: [...] }',
    description:
      'Sign like Standard Webhooks: webhook-signature = "v1," + base64(HMAC-SHA256(base64-decoded secret after "whsec_", ' +
      '`${webhook-id}.${webhook-timestamp}.${raw body}`)). Stale (over 5 minutes), unsigned or badly signed requests get 401; ' +
      'a webhook-id already processed gets 409. Each mention is validated on its own; (source, externalId) is stored once.',
  })
  @ApiHeader({ name: 'otklik-key', required: true, description: 'Ingest key id (mik_…)' })
  @ApiHeader({ name: 'webhook-id', required: true, description: 'Unique per message; reuse it only when retrying the same message' })
  @ApiHeader({ name: 'webhook-timestamp', required: true, description: 'Unix time in seconds' })
  @ApiHeader({ name: 'webhook-signature', required: true, description: 'v1,<base64 signature>' })
  @ApiBody({ type: MentionBatchDto })
  @ApiOkResponse({ type: MentionIngestResultDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  receive(@Req() req: Request, @Headers() headers: Record<string, string | undefined>): Promise<MentionIngestResultDto> {
    if (!Buffer.isBuffer(req.body)) throw validationError([{ field: 'body', message: 'send the mentions as a JSON body' }]);
    return this.signed.receive({ keyId: headers['otklik-key'], headers, rawBody: req.body });
  }
}
