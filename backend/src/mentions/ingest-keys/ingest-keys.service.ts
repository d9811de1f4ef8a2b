import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { notFound } from '../../common/http/api-error';
import { newWebhookSecret } from '../../webhooks/webhook-signature';
import type { CreatedIngestKeyDto, IngestKeyDto } from '../mentions.dto';
import { type IngestKeyRow, IngestKeysRepository } from './ingest-keys.repository';

const toDto = (row: IngestKeyRow): IngestKeyDto => ({
  id: row.id,
  keyId: row.keyId,
  name: row.name,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Keys that sign the mention webhook: a public key id and a secret shown once. */
@Injectable()
export class IngestKeysService {
  constructor(private readonly keys: IngestKeysRepository) {}

  async list(workspaceId: string): Promise<IngestKeyDto[]> {
    return (await this.keys.list(workspaceId)).map(toDto);
  }

  async create(workspaceId: string, name: string): Promise<CreatedIngestKeyDto> {
    const row = await this.keys.create({ workspaceId, name, keyId: `mik_${randomBytes(8).toString('hex')}`, secret: newWebhookSecret() });
    return { ...toDto(row), secret: row.secret };
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.keys.remove(workspaceId, id))) throw notFound('Ingest key');
  }
}
