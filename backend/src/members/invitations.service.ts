import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '../common/auth/roles';
import { randomSecret, safeEqual, sha256Hex } from '../common/crypto/secrets';
import { ApiError, conflict, notFound } from '../common/http/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { type AccountMailLanguage, isAccountMailLanguage } from '../mail/account-mail-language';
import { alreadyRegisteredMail, invitationCodeMail } from '../mail/account-mails';
import { Mailer } from '../mail/mailer';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { WorkspacesReader } from '../workspaces/workspaces.reader';
import { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { MembershipsRepository } from './memberships.repository';
import type { CreatedInvitationDto, InvitationDto } from './members.dto';
import type { InvitationPreviewDto } from '../auth/auth.dto';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
/** Address codes: 8 digits, 15 minutes, 5 wrong tries per invitation (then it stops working), 5 mails per invitation. */
export const CODE_DIGITS = 8;
const CODE_TTL_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;
export const MAX_CODES_SENT = 5;
const invitationGone = () => notFound('Invitation (it may have expired or been used)');
/** Bound to the invitation, so a code is worthless anywhere else. */
const codeHash = (invitationId: string, code: string) => sha256Hex(`${invitationId}:${code}`);

function wrongCode(left: number): ApiError {
  if (left <= 0) {
    return new ApiError(
      HttpStatus.GONE,
      'invitation_invalidated',
      'Too many wrong codes: this invitation no longer works. Ask for a new invitation.',
    );
  }
  const message = `The code is wrong or has expired. ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`;
  return new ApiError(HttpStatus.BAD_REQUEST, 'invalid_code', message, [{ field: 'code', message }]);
}

function toInvitationDto(invitation: InvitationEntity): InvitationDto {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    invitedBy: { userId: invitation.invitedBy, name: invitation.inviter?.name ?? null },
  };
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersService,
    private readonly workspaces: WorkspacesReader,
    private readonly hasher: PasswordHasher,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(workspaceId: string, invitedBy: string, email: string, role: Role): Promise<CreatedInvitationDto> {
    const existing = await this.users.findByEmailWithPassword(email);
    if (existing && (await this.memberships.findRole(workspaceId, existing.id))) {
      throw conflict('already_member', `${email} is already a member of this workspace.`);
    }
    const token = randomSecret(24);
    const invitation = await this.invitations.create({
      workspaceId,
      email,
      role,
      invitedBy,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    return { ...toInvitationDto(invitation), token, acceptUrl: `/invite/${token}` };
  }

  async listPending(workspaceId: string): Promise<InvitationDto[]> {
    return (await this.invitations.listPending(workspaceId, new Date())).map(toInvitationDto);
  }

  async revoke(workspaceId: string, id: string): Promise<void> {
    if (!(await this.invitations.delete(workspaceId, id))) throw notFound('Invitation');
  }

  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.invitations.findUsableByTokenHash(sha256Hex(token), new Date());
    if (!invitation) throw invitationGone();
    const workspaceName = await this.workspaces.nameOf(invitation.workspaceId);
    // Whether the email has an account is deliberately not said (no account enumeration).
    return {
      email: invitation.email,
      role: invitation.role,
      workspaceName: workspaceName ?? '',
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * A signed-in person accepts an invitation sent to their own address. This is the only way an existing
   * account joins: an invitation never takes a password, so it cannot be used to guess one.
   */
  async acceptAsUser(token: string, userId: string): Promise<void> {
    await this.memberships.transaction(async (manager) => {
      const invitation = await this.invitations.findUsableByTokenHash(sha256Hex(token), new Date(), manager);
      if (!invitation) throw invitationGone();
      const user = await this.users.findById(userId);
      if (!user) throw invitationGone();
      if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
        throw new ApiError(
          HttpStatus.FORBIDDEN,
          'invitation_for_another_email',
          `This invitation was sent to ${invitation.email}, but you are signed in as ${user.email}. Sign out and sign in as ${invitation.email} to accept it.`,
        );
      }
      await this.join(invitation, user.id, manager);
    });
  }

  /**
   * "Create my account": mails a one-time code to the invited address, proving the person owns it before an
   * account exists for it. If the address already has an account, the mail says "sign in to accept" instead;
   * the HTTP answer is the same either way, so nobody learns which addresses have accounts. The code mail is in
   * `language` (the invitation page's); the "sign in" note in the account's own language.
   */
  async sendCode(token: string, language: AccountMailLanguage = 'en'): Promise<void> {
    const mail = await this.memberships.transaction(async (manager) => {
      const invitation = await this.invitations.findUsableByTokenHash(sha256Hex(token), new Date(), manager);
      if (!invitation) throw invitationGone();
      if (invitation.codesSent >= MAX_CODES_SENT) {
        throw new ApiError(
          HttpStatus.TOO_MANY_REQUESTS,
          'too_many_codes',
          'Too many codes were sent for this invitation. Ask for a new invitation.',
        );
      }
      const workspaceName = (await this.workspaces.nameOf(invitation.workspaceId)) ?? '';
      const existing = await this.users.findByEmailWithPassword(invitation.email, manager);
      if (existing) {
        await this.invitations.recordCodeSent(invitation.workspaceId, invitation.id, null, manager);
        const base = this.config.publicUrl;
        return alreadyRegisteredMail(
          isAccountMailLanguage(existing.locale) ? existing.locale : language,
          invitation.email,
          workspaceName,
          `${base}/invite/${token}`,
          `${base}/login?next=${encodeURIComponent(`/invite/${token}`)}`,
        );
      }
      const code = randomInt(0, 10 ** CODE_DIGITS)
        .toString()
        .padStart(CODE_DIGITS, '0');
      const expiresAt = new Date(Date.now() + CODE_TTL_MINUTES * 60_000);
      await this.invitations.recordCodeSent(
        invitation.workspaceId,
        invitation.id,
        { hash: codeHash(invitation.id, code), expiresAt },
        manager,
      );
      return invitationCodeMail(language, invitation.email, workspaceName, code, CODE_TTL_MINUTES);
    });
    await this.mailer.send(mail);
  }

  /**
   * Creates the invited account once the mailed code is entered, and joins it to the workspace. Wrong codes
   * count per invitation; after MAX_CODE_ATTEMPTS the invitation stops working. Returns the new user's id.
   */
  async register(token: string, code: string, name: string, password: string): Promise<string> {
    const outcome = await this.memberships.transaction(async (manager) => {
      const invitation = await this.invitations.findUsableByTokenHash(sha256Hex(token), new Date(), manager);
      if (!invitation) throw invitationGone();
      const valid =
        !!invitation.codeHash &&
        !!invitation.codeExpiresAt &&
        invitation.codeExpiresAt > new Date() &&
        safeEqual(invitation.codeHash, codeHash(invitation.id, code));
      if (!valid) {
        const left = MAX_CODE_ATTEMPTS - invitation.codeAttempts - 1;
        await this.invitations.recordWrongCode(invitation.workspaceId, invitation.id, left <= 0, manager);
        return { joined: false, left } as const;
      }
      if (await this.users.findByEmailWithPassword(invitation.email, manager)) {
        throw conflict('account_exists', 'This address already has an account: sign in, then accept the invitation.');
      }
      const user = await this.users.create({ email: invitation.email, name, passwordHash: await this.hasher.hash(password) }, manager);
      await this.join(invitation, user.id, manager);
      return { joined: true, userId: user.id } as const;
    });
    if (!outcome.joined) throw wrongCode(outcome.left);
    return outcome.userId;
  }

  private async join(invitation: InvitationEntity, userId: string, manager: EntityManager): Promise<void> {
    if (!(await this.memberships.findRole(invitation.workspaceId, userId, manager))) {
      await this.memberships.insert(invitation.workspaceId, userId, invitation.role, manager);
    }
    await this.invitations.markAccepted(invitation.workspaceId, invitation.id, manager);
  }
}
