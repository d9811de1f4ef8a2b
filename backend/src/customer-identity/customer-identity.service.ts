import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '../common/http/api-error';
import { customerHashMatches, newIdentitySecret } from './customer-hash';
import type { IdentitySecretDto } from './customer-identity.dto';
import { IdentitySecretRow, IdentitySecretsRepository } from './identity-secrets.repository';

/** Secrets are reused this long on the widget hot path; a rotation reaches other replicas within it. */
const TTL_MS = 5_000;
export const DEFAULT_PREVIOUS_VALID_HOURS = 24;

/** 403 for a customer id without a valid hash where one is required; the caller writes nothing. */
export const customerNotVerified = (what: 'survey' | 'cancellation flow') =>
  new ApiError(
    HttpStatus.FORBIDDEN,
    'customer_not_verified',
    `This ${what} requires a verified customer identity: send customerHash, the hex HMAC-SHA256 of customerId with the workspace's identity secret (Settings → Identity verification), computed by your server.`,
  );

const toDto = (row: IdentitySecretRow): IdentitySecretDto => ({
  secret: row.secret,
  rotatedAt: row.rotatedAt.toISOString(),
  previousValidUntil: row.previousValidUntil && row.previousValidUntil > new Date() ? row.previousValidUntil.toISOString() : null,
});

/** Per-workspace identity secret: proves that a customer id a widget sends was vouched for by the host's server. */
@Injectable()
export class CustomerIdentityService {
  private readonly cache = new Map<string, { secrets: string[]; expiresAt: number }>();

  constructor(private readonly secrets: IdentitySecretsRepository) {}

  /** Whether `hash` is the customer id's HMAC under the current secret or the previous one in its grace period. */
  async isVerified(workspaceId: string, customerId: string | undefined | null, hash: string | undefined | null): Promise<boolean> {
    if (!customerId || !hash) return false;
    return customerHashMatches(await this.validSecrets(workspaceId), customerId, hash);
  }

  private async validSecrets(workspaceId: string): Promise<string[]> {
    const now = Date.now();
    const hit = this.cache.get(workspaceId);
    if (hit && hit.expiresAt > now) return hit.secrets;
    const row = await this.secrets.find(workspaceId);
    const secrets = !row
      ? []
      : row.previousSecret && row.previousValidUntil && row.previousValidUntil.getTime() > now
        ? [row.secret, row.previousSecret]
        : [row.secret];
    if (this.cache.size > 10_000) this.cache.clear();
    // Never cached past the previous secret's end, so the grace period ends on time.
    const until =
      row?.previousValidUntil && row.previousValidUntil.getTime() > now
        ? Math.min(now + TTL_MS, row.previousValidUntil.getTime())
        : now + TTL_MS;
    this.cache.set(workspaceId, { secrets, expiresAt: until });
    return secrets;
  }

  /** The secret for admins (generated on first read). */
  async get(workspaceId: string): Promise<IdentitySecretDto> {
    return toDto(await this.secrets.findOrCreate(workspaceId, newIdentitySecret()));
  }

  async rotate(workspaceId: string, previousValidHours = DEFAULT_PREVIOUS_VALID_HOURS): Promise<IdentitySecretDto> {
    const row = await this.secrets.rotate(workspaceId, newIdentitySecret(), previousValidHours);
    this.cache.delete(workspaceId);
    return toDto(row);
  }
}
