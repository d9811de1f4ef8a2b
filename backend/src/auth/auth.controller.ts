import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Response } from 'express';
import { CurrentPrincipal, Public } from '../common/auth/access.decorators';
import type { AppRequest, Principal } from '../common/auth/principal';
import { AcceptLanguage } from '../common/http/accept-language.decorator';
import { ApiError } from '../common/http/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { mailLanguageOf } from '../mail/account-mail-language';
import { InvitationsService } from '../members/invitations.service';
import {
  AcceptInvitationDto,
  ChangePasswordDto,
  CompletePasswordResetDto,
  InvitationPreviewDto,
  LoginDto,
  RegisterFromInvitationDto,
  SendInvitationCodeDto,
  SessionDto,
  SetLocaleDto,
} from './auth.dto';
import { AuthService } from './auth.service';
import { PasswordResetsService } from './password-resets.service';
import { PasswordVerifier } from './password-verifier';
import { IssuedSession, RequestMeta, SESSION_COOKIE, SessionsService } from './sessions.service';
import { SignInRequest } from './sign-in-request.guard';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** Account routes are for people in a browser; API tokens are refused earlier (no workspace rule), this narrows the type. */
function signedInUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw new ApiError(HttpStatus.FORBIDDEN, 'token_not_allowed', 'This endpoint needs a signed-in user.');
  return principal;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly verifier: PasswordVerifier,
    private readonly sessions: SessionsService,
    private readonly invitations: InvitationsService,
    private readonly resets: PasswordResetsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @SignInRequest()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password (JSON from this site only); sets the session cookie' })
  @ApiOkResponse({ type: SessionDto })
  async login(@Body() body: LoginDto, @Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<SessionDto> {
    const userId = await this.verifier.verifySignIn(body.email, body.password);
    return this.startSession(userId, req, res);
  }

  @Get('session')
  @ApiOperation({ summary: 'The signed-in user, their workspaces and the CSRF token' })
  @ApiOkResponse({ type: SessionDto })
  session(@CurrentPrincipal() principal: Principal): Promise<SessionDto> {
    const user = signedInUser(principal);
    return this.auth.describeSession(user.userId, user.csrfToken);
  }

  @Put('locale')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remember the dashboard language of the signed-in person: their account mails are written in it' })
  @ApiNoContentResponse()
  async setLocale(@CurrentPrincipal() principal: Principal, @Body() body: SetLocaleDto): Promise<void> {
    await this.auth.setLocale(signedInUser(principal).userId, body.locale);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session' })
  @ApiNoContentResponse()
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (principal.kind === 'user') await this.sessions.revoke(principal.sessionId);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Post('logout-everywhere')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out everywhere: ends every session of the signed-in user, this one included' })
  @ApiNoContentResponse()
  async logoutEverywhere(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.signOutEverywhere(signedInUser(principal).userId);
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change the password: the current one is checked (per-account limit as for sign-in); every other session ends',
  })
  @ApiNoContentResponse()
  async changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    const user = signedInUser(principal);
    await this.auth.changePassword(user.userId, user.sessionId, body.currentPassword, body.newPassword);
  }

  @Post('password-reset')
  @SignInRequest()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with a mailed reset link; signs the account out everywhere' })
  @ApiNoContentResponse()
  async completePasswordReset(@Body() body: CompletePasswordResetDto): Promise<void> {
    await this.resets.complete(body.token, body.newPassword);
  }

  @Get('invitations/:token')
  @Public()
  @ApiOperation({ summary: 'What an invitation is for, before accepting it (never whether the email has an account)' })
  @ApiOkResponse({ type: InvitationPreviewDto })
  previewInvitation(@Param('token') token: string): Promise<InvitationPreviewDto> {
    return this.invitations.preview(token);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation sent to the signed-in user’s own email address' })
  @ApiOkResponse({ type: SessionDto })
  async acceptInvitation(@CurrentPrincipal() principal: Principal, @Body() body: AcceptInvitationDto): Promise<SessionDto> {
    const user = signedInUser(principal);
    await this.invitations.acceptAsUser(body.token, user.userId);
    return this.auth.describeSession(user.userId, user.csrfToken);
  }

  @Post('invitations/code')
  @SignInRequest()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Create an account from an invitation, step 1: mail a one-time code to the invited address',
    description:
      'If the address already has an account, the mail says to sign in instead; the answer is the same. The code mail is ' +
      'written in the Accept-Language of the request (en, ru or bg; the invitation page sends its own language).',
  })
  @ApiNoContentResponse()
  async sendInvitationCode(@Body() body: SendInvitationCodeDto, @AcceptLanguage() acceptLanguage?: string): Promise<void> {
    await this.invitations.sendCode(body.token, mailLanguageOf(acceptLanguage));
  }

  @Post('invitations/register')
  @SignInRequest()
  @HttpCode(200)
  @ApiOperation({ summary: 'Create an account from an invitation, step 2: the mailed code, a name and a password; signs in' })
  @ApiOkResponse({ type: SessionDto })
  async registerFromInvitation(
    @Body() body: RegisterFromInvitationDto,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionDto> {
    const userId = await this.invitations.register(body.token, body.code, body.name, body.password);
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
