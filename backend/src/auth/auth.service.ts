import { Injectable } from '@nestjs/common';
import { unauthenticated } from '../common/http/api-error';
import { MembershipsReader } from '../members/memberships.reader';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import type { SessionDto } from './auth.dto';
import { PasswordResetsRepository } from './password-resets.repository';
import { PasswordVerifier } from './password-verifier';
import { SessionsRepository } from './sessions.repository';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly memberships: MembershipsReader,
    private readonly hasher: PasswordHasher,
    private readonly verifier: PasswordVerifier,
    private readonly sessions: SessionsRepository,
    private readonly resets: PasswordResetsRepository,
  ) {}

  async describeSession(userId: string, csrfToken: string): Promise<SessionDto> {
    const user = await this.users.findById(userId);
    if (!user) throw unauthenticated();
    return {
      user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
      workspaces: await this.memberships.workspacesOfUser(userId),
      csrfToken,
    };
  }

  /**
   * The current password goes through the shared verifier (same per-account limit as sign-in). Every other
   * session of the user ends (a thief's included), this one stays; reset links already mailed stop working.
   */
  /** Remembers the dashboard language of the person, for mails they get while away (password resets). */
  setLocale(userId: string, locale: string): Promise<void> {
    return this.users.updateLocale(userId, locale);
  }

  async changePassword(userId: string, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    await this.verifier.verifyUser(userId, currentPassword);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.resets.transaction(async (manager) => {
      await this.users.updatePassword(userId, passwordHash, manager);
      await this.resets.useAllOf(userId, manager);
      await this.sessions.deleteByUser(userId, sessionId, manager);
    });
  }

  /** "Sign out everywhere": every session of the user ends, this one included. */
  async signOutEverywhere(userId: string): Promise<void> {
    await this.sessions.deleteByUser(userId);
  }
}
