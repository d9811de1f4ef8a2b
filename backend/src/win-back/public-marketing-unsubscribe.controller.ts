import { CanActivate, Controller, ExecutionContext, Get, HttpCode, Injectable, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../common/auth/access.decorators';
import { PublicRateLimiter } from '../web/public-write/public-rate-limit.guard';
import { marketingUnsubscribeConfirmPage, marketingUnsubscribedPage, marketingUnsubscribeUnknownPage } from './marketing-unsubscribe-pages';
import { MarketingUnsubscribeService, UnknownUnsubscribeLinkError } from './marketing-unsubscribe.service';

class MarketingUnsubscribedDto {
  @ApiProperty() unsubscribed: boolean;
}

/** The links share the public edge's per-IP limit (one bucket for all of them), so tokens cannot be tried in bulk. */
@Injectable()
export class MarketingUnsubscribeRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: PublicRateLimiter) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    await this.limiter.consume(req.ip ?? 'unknown', 'marketing-unsubscribe');
    return true;
  }
}

/** A person's browser gets a page; an API caller (or a mail client's one-click POST) gets JSON. */
const wantsHtml = (req: Request) => req.accepts(['json', 'html']) === 'html';
const browserLanguage = (req: Request) => req.header('accept-language')?.slice(0, 2).toLowerCase() ?? 'en';

/** The unsubscribe link of marketing email (win-back notices), reached by its token alone. */
@ApiTags('public')
@Controller('public/marketing/unsubscribe/:token')
@Public()
@UseGuards(MarketingUnsubscribeRateLimitGuard)
export class PublicMarketingUnsubscribeController {
  constructor(private readonly unsubscribes: MarketingUnsubscribeService) {}

  private async page(req: Request, res: Response, work: () => Promise<string>): Promise<string | undefined> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof UnknownUnsubscribeLinkError) || !wantsHtml(req)) throw error;
      res
        .status(404)
        .type('html')
        .send(marketingUnsubscribeUnknownPage(browserLanguage(req)));
      return undefined;
    }
  }

  @Get()
  @ApiOperation({ summary: 'The marketing unsubscribe confirmation page (a form that POSTs back here); changes nothing' })
  @ApiResponse({ status: 200, description: 'HTML page' })
  async confirmPage(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const language = await this.page(req, res, () => this.unsubscribes.languageOf(token));
    if (language) res.type('html').send(marketingUnsubscribeConfirmPage(language, req.originalUrl));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unsubscribe from marketing email (RFC 8058 one-click: List-Unsubscribe=One-Click, or the page’s form)',
    description: "Records consents.marketing granted false on the link's customer; repeating it is harmless. 404 for an unknown token.",
  })
  @ApiOkResponse({ type: MarketingUnsubscribedDto })
  async unsubscribe(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const html = wantsHtml(req);
    const language = await this.page(req, res, () => this.unsubscribes.unsubscribe(token));
    if (language === undefined) return;
    if (html) res.type('html').send(marketingUnsubscribedPage(language));
    else res.json({ unsubscribed: true });
  }
}
