import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** Argon2id password hashes (OWASP's first choice); parameters are stored inside each hash. */
@Injectable()
export class PasswordHasher {
  // Verifying against this when the email is unknown keeps login timing the same either way.
  private readonly dummyHash = hash('otklik-timing-equaliser');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.dummyHash), password);
    } catch {
      return false;
    }
  }
}
