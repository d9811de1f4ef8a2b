import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, unauthenticated } from '../common/http/api-error';
import { MembershipsRepository } from '../members/memberships.repository';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import type { SessionDto } from './auth.dto';
import { AccountLoginLimiter } from './login-throttle';

/** One message for unknown email and wrong password: no account enumeration. */
export const invalidCredentials = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', 'The email or password is incorrect.');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly memberships: MembershipsRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: AccountLoginLimiter,
  ) {}

  /** Returns the user id when the credentials are right; counts failures per account. */
  async verifyCredentials(email: string, password: string): Promise<string> {
    await this.limiter.assertAllowed(email);
    const user = await this.users.findByEmailWithPassword(email);
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid) {
      await this.limiter.recordFailure(email);
      throw invalidCredentials();
    }
    await this.limiter.recordSuccess(email);
    return user.id;
  }

  async describeSession(userId: string, csrfToken: string): Promise<SessionDto> {
    const user = await this.users.findById(userId);
    if (!user) throw unauthenticated();
    return {
      user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
      workspaces: await this.memberships.workspacesOfUser(userId),
      csrfToken,
    };
  }
}
