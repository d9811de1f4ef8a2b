import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '../common/http/api-error';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { AccountLoginLimiter } from './login-throttle';

/** One message for unknown email and wrong password: no account enumeration. */
export const invalidCredentials = () => new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_credentials', 'The email or password is incorrect.');

/**
 * The one place that checks a password. Every caller (sign-in, password change, any later re-auth) shares the
 * per-account failure limit, keyed by the account's email, so no route is a side door for guessing.
 * Nothing else may call PasswordHasher.verify (tests/reliability/account-security.test.ts checks the source).
 */
@Injectable()
export class PasswordVerifier {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly limiter: AccountLoginLimiter,
  ) {}

  /** Sign-in: the user id when email and password match; 401 otherwise, 429 when the account is throttled. */
  async verifySignIn(email: string, password: string): Promise<string> {
    // Counted before the check, so parallel guesses cannot outrun the limit; a wrong password keeps the point.
    await this.limiter.countAttempt(email);
    const user = await this.users.findByEmailWithPassword(email);
    // Unknown emails are checked against a dummy hash, so the timing is the same.
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid) throw invalidCredentials();
    await this.limiter.recordSuccess(email);
    return user.id;
  }

  /** Re-authentication of a signed-in user; `field` names the form field in the error. */
  async verifyUser(userId: string, password: string, field = 'currentPassword'): Promise<void> {
    const user = await this.users.findByIdWithPassword(userId);
    if (!user) throw invalidCredentials();
    await this.limiter.countAttempt(user.email);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      const message = 'The current password is incorrect.';
      // 403, not 401: the session is fine, and a 401 would read as "signed out".
      throw new ApiError(HttpStatus.FORBIDDEN, 'invalid_credentials', message, [{ field, message }]);
    }
    await this.limiter.recordSuccess(user.email);
  }
}
