import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Principal } from '../common/auth/principal';
import { randomSecret, sha256Hex } from '../common/crypto/secrets';
import { SessionsRepository } from './sessions.repository';

export const SESSION_COOKIE = 'otklik_session';
/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;

export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

export interface IssuedSession {
  /** Goes into the cookie; only its hash is stored. */
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get ttlMs(): number {
    return this.config.sessionTtlHours * 3_600_000;
  }

  /** Always a brand-new id on login, so a planted cookie can never be promoted (session fixation). */
  async issue(userId: string, meta: RequestMeta): Promise<IssuedSession> {
    const cookieValue = randomSecret(32);
    const csrfToken = randomSecret(24);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    await this.sessions.insert({
      id: sha256Hex(cookieValue),
      userId,
      csrfToken,
      ip: meta.ip?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
      lastSeenAt: now,
      expiresAt,
    });
    return { cookieValue, csrfToken, expiresAt };
  }

  async authenticate(cookieValue: string): Promise<Extract<Principal, { kind: 'user' }> | null> {
    if (!cookieValue || cookieValue.length > 128) return null;
    const id = sha256Hex(cookieValue);
    const session = await this.sessions.findById(id);
    const now = new Date();
    if (!session) return null;
    if (session.expiresAt <= now) {
      await this.sessions.delete(id);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.touch(id, now, new Date(now.getTime() + this.ttlMs));
    }
    return { kind: 'user', userId: session.userId, sessionId: id, csrfToken: session.csrfToken };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.delete(sessionId);
  }

  async revokeByCookie(cookieValue: string | undefined): Promise<void> {
    if (cookieValue) await this.sessions.delete(sha256Hex(cookieValue));
  }
}
