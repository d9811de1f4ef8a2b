import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MentionEntity } from './mention.entity';

/** A stored mention that may be the original of a new copy. */
export type OriginalCandidate = Pick<MentionEntity, 'id' | 'duplicateOf' | 'text' | 'textHash' | 'lshBands'>;

/** A new mention's row; the time stays the ISO string it is announced with. */
export type MentionInsert = Pick<
  MentionEntity,
  | 'id'
  | 'source'
  | 'externalId'
  | 'url'
  | 'author'
  | 'text'
  | 'language'
  | 'sentiment'
  | 'sentimentScore'
  | 'reach'
  | 'parentExternalId'
  | 'parentId'
  | 'duplicateOf'
  | 'duplicateKind'
  | 'textHash'
  | 'lshBands'
  | 'channel'
  | 'feedId'
> & { postedAt: string };

type MentionKey = Pick<MentionEntity, 'source' | 'externalId'>;

const key = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/**
 * Storing mentions and finding what new ones copy or reply to. This is the measured ingest path: every statement is
 * one set-based round trip per batch (unnest / jsonb_to_recordset, ON CONFLICT), so it stays SQL, typed from the entity.
 */
@Injectable()
export class MentionsRepository {
  constructor(@InjectRepository(MentionEntity) private readonly mentions: Repository<MentionEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.mentions.manager.transaction(work);
  }

  /** Ids of already stored (source, externalId) pairs, keyed by `source\0externalId`. */
  async existing(manager: EntityManager, workspaceId: string, pairs: MentionKey[]): Promise<Map<string, string>> {
    if (pairs.length === 0) return new Map();
    const rows: Pick<MentionEntity, 'source' | 'externalId' | 'id'>[] = await manager.query(
      `SELECT m.source, m.external_id AS "externalId", m.id FROM mentions m
         JOIN unnest($2::varchar[], $3::varchar[]) AS p(source, external_id) ON p.source = m.source AND p.external_id = m.external_id
        WHERE m.workspace_id = $1`,
      [workspaceId, pairs.map((p) => p.source), pairs.map((p) => p.externalId)],
    );
    return new Map(rows.map((r) => [key(r.source, r.externalId), r.id]));
  }

  /** The first stored mention with each normalised-text hash. */
  async originalsByHash(manager: EntityManager, workspaceId: string, hashes: string[]): Promise<Map<string, OriginalCandidate>> {
    if (hashes.length === 0) return new Map();
    const rows: OriginalCandidate[] = await manager.query(
      `SELECT DISTINCT ON (text_hash) id, duplicate_of AS "duplicateOf", text, text_hash AS "textHash", lsh_bands AS "lshBands"
         FROM mentions WHERE workspace_id = $1 AND text_hash = ANY ($2::varchar[])
        ORDER BY text_hash, created_at, id`,
      [workspaceId, hashes],
    );
    return new Map(rows.map((r) => [r.textHash!, r]));
  }

  /** Stored mentions of the last `days` sharing any MinHash band with the given keys (near-copy candidates). */
  nearCandidates(manager: EntityManager, workspaceId: string, bands: number[], days: number, limit: number): Promise<OriginalCandidate[]> {
    if (bands.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT id, duplicate_of AS "duplicateOf", text, text_hash AS "textHash", lsh_bands AS "lshBands"
         FROM mentions
        WHERE lsh_bands && $2::integer[] AND workspace_id = $1 AND created_at > now() - make_interval(days => $3)
        ORDER BY created_at, id LIMIT $4`,
      [workspaceId, bands, days, limit],
    );
  }

  /** Ids of parents by (source, externalId), keyed by `source\0externalId`. */
  parents(manager: EntityManager, workspaceId: string, pairs: MentionKey[]): Promise<Map<string, string>> {
    return this.existing(manager, workspaceId, pairs);
  }

  /**
   * Inserts a batch in one statement. A row whose (source, externalId) appeared meanwhile (a
   * concurrent request) is skipped; the ids of the rows actually inserted come back.
   */
  async insert(manager: EntityManager, workspaceId: string, rows: MentionInsert[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO mentions (workspace_id, id, source, external_id, url, author, text, language, sentiment, sentiment_score, posted_at,
                             reach, parent_external_id, parent_id, duplicate_of, duplicate_kind, text_hash, lsh_bands, channel, feed_id)
       SELECT $1, r.id, r.source, r."externalId", r.url, r.author, r.text, r.language, r.sentiment, r."sentimentScore", r."postedAt",
              r.reach, r."parentExternalId", r."parentId", r."duplicateOf", r."duplicateKind", r."textHash", r."lshBands"::integer[],
              r.channel, r."feedId"
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, source varchar, "externalId" varchar, url varchar, author varchar, text text,
              language varchar, sentiment smallint, "sentimentScore" real, "postedAt" timestamptz, reach integer, "parentExternalId" varchar,
              "parentId" uuid, "duplicateOf" uuid, "duplicateKind" varchar, "textHash" varchar, "lshBands" text, channel varchar, "feedId" uuid)
       ON CONFLICT (workspace_id, source, external_id) DO NOTHING
       RETURNING id`,
      [workspaceId, JSON.stringify(rows.map((r) => ({ ...r, lshBands: r.lshBands ? `{${r.lshBands.join(',')}}` : null })))],
    );
    return new Set(inserted.map((r) => r.id));
  }

  /** Replies that arrived before their parent get linked once the parent is stored. */
  async adoptOrphans(
    manager: EntityManager,
    workspaceId: string,
    parents: Pick<MentionEntity, 'id' | 'source' | 'externalId'>[],
  ): Promise<void> {
    if (parents.length === 0) return;
    await manager.query(
      `UPDATE mentions m SET parent_id = p.id
         FROM unnest($2::uuid[], $3::varchar[], $4::varchar[]) AS p(id, source, external_id)
        WHERE m.workspace_id = $1 AND m.parent_id IS NULL AND m.source = p.source AND m.parent_external_id = p.external_id`,
      [workspaceId, parents.map((p) => p.id), parents.map((p) => p.source), parents.map((p) => p.externalId)],
    );
  }

  /** Negative originals (copies left out) per UTC day from `from` to `to` inclusive (analytics: a grouped count). */
  async negativePerDay(workspaceId: string, from: string, to: string): Promise<Map<string, number>> {
    const rows: { day: string; n: number }[] = await this.mentions.query(
      `SELECT to_char((posted_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, count(*)::int AS n
         FROM mentions
        WHERE workspace_id = $1 AND sentiment = -1 AND duplicate_of IS NULL
          AND posted_at >= ($2::date)::timestamp AT TIME ZONE 'UTC' AND posted_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'
        GROUP BY 1`,
      [workspaceId, from, to],
    );
    return new Map(rows.map((r) => [r.day, r.n]));
  }
}

export { key as mentionKey };
