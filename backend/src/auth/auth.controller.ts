import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { CookieOptions, Response } from 'express';
import { CurrentPrincipal, Public } from '../common/auth/access.decorators';
import type { AppRequest, Principal } from '../common/auth/principal';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { InvitationsService } from '../members/invitations.service';
import { AcceptInvitationDto, InvitationPreviewDto, LoginDto, SessionDto } from './auth.dto';
import { AuthService } from './auth.service';
import { IssuedSession, RequestMeta, SESSION_COOKIE, SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password; sets the session cookie' })
  @ApiOkResponse({ type: SessionDto })
  async login(@Body() body: LoginDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const userId = await this.auth.verifyCredentials(body.email, body.password);
    return this.startSession(userId, req, res);
  }

  @Get('session')
  @ApiOperation({ summary: 'The signed-in user, their workspaces and the CSRF token' })
  @ApiOkResponse({ type: SessionDto })
  session(@CurrentPrincipal() principal: Principal): Promise<SessionDto> {
    const user = principal as Extract<Principal, { kind: 'user' }>;
    return this.auth.describeSession(user.userId, user.csrfToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session' })
  @ApiNoContentResponse()
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (principal.kind === 'user') await this.sessions.revoke(principal.sessionId);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Get('invitations/:token')
  @Public()
  @ApiOperation({ summary: 'What an invitation is for, before accepting it' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  previewInvitation(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Post('invitations/accept')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation (creating the account if needed) and sign in' })
  @ApiOkResponse({ type: SessionDto })
  async acceptInvitation(
    @Body() body: AcceptInvitationDto,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const userId = await this.invitations.accept(body.token, body.password, body.name);
    return this.startSession(userId, req, res);
  }

  /** Replaces any session the browser had with a new one (no session fixation). */
  private async startSession(userId: string, req: AppRequest, res: Response): Promise<SessionDto> {
    await this.sessions.revokeByCookie((req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE]);
    const meta: RequestMeta = { ip: req.ip, userAgent: req.header('user-agent') };
    const issued: IssuedSession = await this.sessions.issue(userId, meta);
    res.cookie(SESSION_COOKIE, issued.cookieValue, { ...this.cookieOptions(), expires: issued.expiresAt });
    return this.auth.describeSession(userId, issued.csrfToken);
  }

  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.config.cookieSecure, path: '/' };
  }
}
