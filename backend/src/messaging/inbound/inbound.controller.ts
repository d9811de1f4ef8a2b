import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentWorkspace, Public, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { ErrorResponseDto } from '../../common/http/error.dto';
import { validationError } from '../../common/http/validation.pipe';
import { GatewayInboundService } from './gateway-inbound.service';
import { InboundEmailService } from './inbound-email.service';
import { GatewayInboundDto, InboundResultDto } from './inbound.dto';

/** Customers' replies coming in: a mail provider's inbound parse (signed, raw MIME) and the workspace's own gateway. */
@ApiTags('messages')
@Controller('workspaces/:workspaceId')
export class InboundController {
  constructor(
    private readonly email: InboundEmailService,
    private readonly gateway: GatewayInboundService,
  ) {}

  @Post('inbound/email')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "A customer's mail (raw MIME), posted by a mail provider's inbound parse, signed with the workspace's inbound secret",
    description:
      'Body: the raw MIME as message/rfc822 or text/plain, or JSON {"raw": "…"}; at most 10 MB. Signed like Standard Webhooks: ' +
      'webhook-signature = "v1," + base64(HMAC-SHA256(base64-decoded secret after "whsec_", `${webhook-id}.${webhook-timestamp}.${raw body}`)). ' +
      'Unsigned, badly signed or stale (over 5 minutes) requests get 401, a webhook-id already processed 409, a mail the parser ' +
      "refuses 422. A reply lands on its case by the thread's Message-IDs, else by the sender's address (their most recent open " +
      "case) only when the provider's topmost Authentication-Results says dkim, dmarc or spf pass for the From domain (else it " +
      'is kept unmatched, senderVerified false); a delivery status notification (Action: failed) for one of our messages sent ' +
      'to that address in the last 30 days marks it bounced and the address suppressed, any other is kept unmatched.',
  })
  @ApiConsumes('message/rfc822', 'text/plain', 'application/json')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader({ name: 'webhook-id', required: true, description: 'Unique per mail; reuse it only when retrying the same mail' })
  @ApiHeader({ name: 'webhook-timestamp', required: true, description: 'Unix time in seconds' })
  @ApiHeader({ name: 'webhook-signature', required: true, description: 'v1,<base64 signature>' })
  @ApiOkResponse({ type: InboundResultDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The mail could not be parsed (unparseable_mail)' })
  receiveEmail(
    @Param('workspaceId') workspaceId: string,
    @Req() req: Request,
    @Headers() headers: Record<string, string | undefined>,
  ): Promise<InboundResultDto> {
    if (!Buffer.isBuffer(req.body)) throw validationError([{ field: 'body', message: 'send the mail as the request body' }]);
    return this.email.receive({ workspaceId, headers, contentType: headers['content-type'], body: req.body });
  }

  @Post('messages/inbound')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess({ roles: ['admin'], scope: 'messages:write' })
  @ApiOperation({
    summary: "A customer's SMS/Telegram/WhatsApp message, posted by your gateway: lands on its case like an email reply",
    description:
      'Matched by inReplyTo (our message id from message.requested), else by customerExternalId or the sender (phone), to the ' +
      "customer's most recent open case; unmatched messages are kept in the messages inbox.",
  })
  @ApiOkResponse({ type: InboundResultDto })
  receiveGateway(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: GatewayInboundDto): Promise<InboundResultDto> {
    return this.gateway.receive(ws.workspaceId, body);
  }
}
