import { Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.decorators';
import { closedSurveyPage, unknownInvitationPage, unsubscribeConfirmPage, unsubscribedPage } from './invitation-pages';
import { pageLanguage } from './invitation-wording';
import { InvitationPageError, PublicInvitationsService } from './public-invitations.service';
import { InvitationRateLimitGuard } from './invitation-rate-limit.guard';

class InvitationStateDto {
  @ApiProperty() publicKey: string;
  @ApiProperty() language: string;
  @ApiProperty({ description: "The respondent id the widget answers as (the invitation's own)" }) respondentId: string;
  @ApiProperty({ description: 'The idempotency key of the invitation’s response: the widget continues it' }) responseKey: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Answers so far (the score clicked in the email)' })
  answers: Record<string, unknown>;
  @ApiProperty() finished: boolean;
}

class UnsubscribedDto {
  @ApiProperty() unsubscribed: boolean;
}

/** A person's browser gets a page; an API caller (or a mail client) gets JSON. */
const wantsHtml = (req: Request) => req.accepts(['json', 'html']) === 'html';

/**
 * The recipient's links from an invitation email. Reached by the token alone (no session), rate-limited per IP like
 * the widget API; an unknown or expired token is a friendly page in the recipient's language, or 404 JSON.
 */
@ApiTags('public')
@Controller('public/invitations/:token')
@Public()
@UseGuards(InvitationRateLimitGuard)
export class PublicInvitationsController {
  constructor(private readonly invitations: PublicInvitationsService) {}

  /** Answers a refusal as a page for a browser, as the JSON error otherwise. */
  private async page<T>(req: Request, res: Response, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof InvitationPageError) || !wantsHtml(req)) throw error;
      const language = pageLanguage(error.language, req.header('accept-language'));
      res
        .status(error.getStatus())
        .type('html')
        .send(error.page === 'closed' ? closedSurveyPage(language) : unknownInvitationPage(language));
      return undefined;
    }
  }

  @Get()
  @ApiOperation({ summary: "The invitation's response so far, for the link survey page to continue it" })
  @ApiOkResponse({ type: InvitationStateDto })
  state(@Param('token') token: string): Promise<InvitationStateDto> {
    return this.invitations.state(token);
  }

  @Get('score/:value')
  @ApiOperation({
    summary: 'Go on to the link survey page with the score clicked in the email (303); records nothing',
    description:
      'Mail security scanners fetch every link of an email, so a GET (or HEAD) never answers for the recipient: the link ' +
      'page records the score by POST to this same path. 400 invalid_score for a value off the scale.',
  })
  @ApiResponse({ status: 303, description: 'To /s/{publicKey}?invitation={token}&score={value}' })
  async scoreLink(@Param('token') token: string, @Param('value') value: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const next = await this.page(req, res, () => this.invitations.scoreTarget(token, value));
    if (next) res.redirect(303, next);
  }

  @Post('score/:value')
  @HttpCode(200)
  @ApiOperation({
    summary: "Record the clicked score in the invitation's one response and answer its state (a second score changes it)",
    description: "A form's POST (a browser asking for HTML) goes on to the link survey page (303) instead.",
  })
  @ApiOkResponse({ type: InvitationStateDto })
  @ApiResponse({ status: 303, description: 'For a form: to /s/{publicKey}?invitation={token}' })
  async score(@Param('token') token: string, @Param('value') value: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const state = await this.page(req, res, () => this.invitations.score(token, value, req.header('user-agent')));
    if (state === undefined) return;
    if (wantsHtml(req)) res.redirect(303, await this.invitations.surveyPage(token));
    else res.json(state);
  }

  @Get('unsubscribe')
  @ApiOperation({ summary: 'The unsubscribe confirmation page (a form that POSTs back here)' })
  @ApiResponse({ status: 200, description: 'HTML page' })
  async unsubscribePage(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const language = await this.page(req, res, () => this.invitations.unsubscribeLanguage(token));
    if (language) res.type('html').send(unsubscribeConfirmPage(language, req.originalUrl));
  }

  @Post('unsubscribe')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unsubscribe from survey invitations (RFC 8058 one-click: List-Unsubscribe=One-Click, or the page’s form)',
    description: 'Records consents.survey granted false with when and how on the customer; the next send skips them.',
  })
  @ApiOkResponse({ type: UnsubscribedDto })
  async unsubscribe(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const oneClick = !wantsHtml(req);
    const language = await this.page(req, res, () => this.invitations.unsubscribe(token, oneClick ? 'one-click' : 'link'));
    if (language === undefined) return;
    if (wantsHtml(req)) res.type('html').send(unsubscribedPage(language));
    else res.json({ unsubscribed: true });
  }
}
