import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MentionIngestKeyEntity } from './mention-ingest-key.entity';
import { MentionIngestNonceEntity } from './mention-ingest-nonce.entity';

export type IngestKeyRow = MentionIngestKeyEntity;

/** mention_ingest_keys and the replay guard of their signed requests (mention_ingest_nonces). */
@Injectable()
export class IngestKeysRepository {
  constructor(
    @InjectRepository(MentionIngestKeyEntity) private readonly keys: Repository<MentionIngestKeyEntity>,
    @InjectRepository(MentionIngestNonceEntity) private readonly nonces: Repository<MentionIngestNonceEntity>,
  ) {}

  async create(row: Pick<IngestKeyRow, 'workspaceId' | 'keyId' | 'name' | 'secret'>): Promise<IngestKeyRow> {
    const { identifiers } = await this.keys.insert(row);
    return this.keys.findOneByOrFail({ workspaceId: row.workspaceId, id: (identifiers[0] as { id: string }).id });
  }

  list(workspaceId: string): Promise<IngestKeyRow[]> {
    return this.keys.find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  byKeyId(keyId: string): Promise<IngestKeyRow | null> {
    return this.keys.findOneBy({ keyId });
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    return ((await this.keys.delete({ workspaceId, id })).affected ?? 0) > 0;
  }

  /** Whether this signed message id was already processed for this key (the replay check). */
  seen(keyId: string, messageId: string): Promise<boolean> {
    return this.nonces.existsBy({ keyId, messageId });
  }

  /**
   * Remembers a processed message id; ids older than the signature window are forgotten (replays of them fail as
   * stale). SQL: the purge and the insert are one round trip on the signed-ingest path.
   */
  async remember(keyId: string, messageId: string, forgetAfterSeconds: number): Promise<boolean> {
    const rows: unknown[] = await this.nonces.query(
      `WITH purge AS (DELETE FROM mention_ingest_nonces WHERE key_id = $1 AND received_at < now() - make_interval(secs => $3))
       INSERT INTO mention_ingest_nonces (key_id, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [keyId, messageId, forgetAfterSeconds],
    );
    await this.keys.update({ keyId }, { lastUsedAt: () => 'now()' });
    return rows.length > 0;
  }
}
