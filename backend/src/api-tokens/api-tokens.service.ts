import { HttpStatus, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { scopesRoleMayHold } from '../common/auth/access.decorators';
import type { Principal } from '../common/auth/principal';
import { randomSecret, safeEqual, sha256Hex } from '../common/crypto/secrets';
import type { Role } from '../common/auth/roles';
import { ApiError, notFound } from '../common/http/api-error';
import { ApiTokenEntity } from './api-token.entity';
import { ApiTokensRepository } from './api-tokens.repository';
import type { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto } from './api-tokens.dto';

/** Tokens look like `otk_<prefix>_<secret>`: the prefix finds the row, the whole string is hashed. */
const TOKEN_PATTERN = /^otk_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;
const LAST_USED_PRECISION_MS = 60_000;

function toDto(token: ApiTokenEntity): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    prefix: `otk_${token.prefix}`,
    scopes: token.scopes,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    createdBy: { userId: token.createdBy, name: token.creator?.name ?? null },
  };
}

@Injectable()
export class ApiTokensService {
  constructor(private readonly tokens: ApiTokensRepository) {}

  async create(workspaceId: string, creator: { userId: string; role: Role | null }, input: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    // A token never does more than its creator may: no scope of routes the creator's role cannot call.
    const allowed = creator.role ? scopesRoleMayHold(creator.role) : [];
    const beyond = input.scopes.filter((scope) => !allowed.includes(scope));
    if (beyond.length > 0) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'scope_beyond_role',
        `Your role (${creator.role ?? 'none'}) cannot give a token these scopes: ${beyond.join(', ')}.`,
      );
    }
    const createdBy = creator.userId;
    const prefix = randomBytes(6).toString('hex');
    const secret = `otk_${prefix}_${randomSecret(32)}`;
    const token = await this.tokens.create({
      workspaceId,
      name: input.name,
      prefix,
      tokenHash: sha256Hex(secret),
      scopes: input.scopes,
      createdBy,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    });
    return { ...toDto(token), secret };
  }

  async list(workspaceId: string): Promise<ApiTokenDto[]> {
    return (await this.tokens.listActive(workspaceId)).map(toDto);
  }

  async revoke(workspaceId: string, id: string): Promise<void> {
    if (!(await this.tokens.revoke(workspaceId, id))) throw notFound('API token');
  }

  /** A member left: the tokens they created in the workspace stop working, in the caller's transaction. */
  revokeCreatedBy(workspaceId: string, userId: string, manager: EntityManager): Promise<void> {
    return this.tokens.revokeCreatedBy(workspaceId, userId, manager);
  }

  /** The principal for a bearer token, or null when it is unknown, revoked, expired or its creator has left the workspace. */
  async authenticate(raw: string): Promise<Extract<Principal, { kind: 'token' }> | null> {
    const match = TOKEN_PATTERN.exec(raw);
    if (!match) return null;
    const token = await this.tokens.findByPrefixWithHash(match[1]);
    const now = new Date();
    if (!token || !safeEqual(token.tokenHash, sha256Hex(raw))) return null;
    if (token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
    if (!token.creatorRole) return null;
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await this.tokens.markUsed(token.workspaceId, token.id, now);
    }
    return { kind: 'token', tokenId: token.id, workspaceId: token.workspaceId, scopes: token.scopes, creatorRole: token.creatorRole };
  }
}
