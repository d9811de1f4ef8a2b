import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomSecret, sha256Hex } from '../common/crypto/secrets';
import { ApiError, notFound } from '../common/http/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { isAccountMailLanguage } from '../mail/account-mail-language';
import { passwordResetMail } from '../mail/account-mails';
import { Mailer } from '../mail/mailer';
import { MembershipsReader } from '../members/memberships.reader';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { WorkspacesReader } from '../workspaces/workspaces.reader';
import { PasswordResetsRepository } from './password-resets.repository';
import { SessionsRepository } from './sessions.repository';

const RESET_TTL_MINUTES = 60;
/** Per member per hour, so an admin cannot flood someone's mailbox. */
const MAX_RESETS_PER_HOUR = 3;

/**
 * Admin-triggered password reset. A user may belong to several workspaces, so an admin of one must never be able
 * to set or learn anyone's password: the admin only has a one-time link mailed to the member's own address; the
 * admin never sees it. Using it sets the new password and signs the member out everywhere.
 */
@Injectable()
export class PasswordResetsService {
  constructor(
    private readonly resets: PasswordResetsRepository,
    private readonly memberships: MembershipsReader,
    private readonly users: UsersService,
    private readonly workspaces: WorkspacesReader,
    private readonly sessions: SessionsRepository,
    private readonly hasher: PasswordHasher,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(workspaceId: string, memberId: string, requestedBy: string): Promise<void> {
    const member = await this.memberships.member(workspaceId, memberId);
    if (!member?.user) throw notFound('Member');
    if ((await this.resets.countSince(memberId, new Date(Date.now() - 3_600_000))) >= MAX_RESETS_PER_HOUR) {
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'too_many_resets',
        'This member was sent several reset links within the last hour. Try again later.',
      );
    }
    const token = randomSecret(32);
    await this.resets.insert({
      userId: memberId,
      tokenHash: sha256Hex(token),
      workspaceId,
      requestedBy,
      expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
    });
    const workspaceName = (await this.workspaces.nameOf(workspaceId)) ?? '';
    await this.mailer.send(
      passwordResetMail(
        isAccountMailLanguage(member.user.locale) ? member.user.locale : 'en',
        member.user.email,
        workspaceName,
        `${this.config.publicUrl}/reset-password/${token}`,
        RESET_TTL_MINUTES,
      ),
    );
  }

  /** Sets the new password from a mailed link; every session of the user ends. */
  async complete(token: string, newPassword: string): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    await this.resets.transaction(async (manager) => {
      const userId = await this.resets.lockUsable(sha256Hex(token), manager);
      if (!userId) throw notFound('Password reset link (it may have expired or been used)');
      await this.users.updatePassword(userId, passwordHash, manager);
      await this.resets.useAllOf(userId, manager);
      await this.sessions.deleteByUser(userId, undefined, manager);
    });
  }
}
