import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MentionEntity } from './mention.entity';

/** A negative original mention as complaint clustering copies it; the time stays text so its microseconds survive JSON. */
export type MentionForClustering = Pick<MentionEntity, 'id' | 'text' | 'language' | 'sentiment' | 'customerExternalId'> & {
  postedAt: string;
};

/** A negative original mention that should open a case. */
export type MentionCaseCandidate = Pick<MentionEntity, 'id' | 'source' | 'author' | 'url' | 'text' | 'customerExternalId' | 'postedAt'>;

/** Original mentions (copies left out) posted in one calendar month, and how many of them were negative. */
export type MentionMonth = { month: string; total: number; negative: number };

/** A mention as the public-answer workflow needs it: whether it may enter (negative original) and where it was posted. */
export type MentionForPublicAnswer = Pick<
  MentionEntity,
  'id' | 'source' | 'author' | 'text' | 'url' | 'language' | 'sentiment' | 'duplicateOf' | 'postedAt' | 'customerExternalId'
>;

/** How other modules read `mentions` (exported by MentionsReaderModule). */
@Injectable()
export class MentionsReader {
  constructor(@InjectRepository(MentionEntity) private readonly mentions: Repository<MentionEntity>) {}

  /** Negative originals (copies left out) stored since `since`, text cut to 5000 characters; in `manager`'s transaction when given. */
  negativeOriginalsSince(workspaceId: string, since: Date, manager?: EntityManager): Promise<MentionForClustering[]> {
    return (manager ? manager.getRepository(MentionEntity) : this.mentions)
      .createQueryBuilder('m')
      .select([
        'm.id AS id',
        'left(m.text, 5000) AS text',
        'm.language AS language',
        'm.sentiment AS sentiment',
        'm.customer_external_id AS "customerExternalId"',
        'm.posted_at::text AS "postedAt"',
      ])
      .where('m.workspace_id = :workspaceId AND m.created_at >= :since AND m.sentiment = -1 AND m.duplicate_of IS NULL', {
        workspaceId,
        since,
      })
      .getRawMany<MentionForClustering>();
  }

  /** Per calendar month ('YYYY-MM' in `timeZone`) of posting in [from, to): original mentions and the negative ones. */
  monthlyNegative(workspaceId: string, from: Date, to: Date, timeZone: string): Promise<MentionMonth[]> {
    return this.mentions
      .createQueryBuilder('m')
      .select(`to_char(m.posted_at AT TIME ZONE :timeZone, 'YYYY-MM')`, 'month')
      .addSelect('count(*)::int', 'total')
      .addSelect('(count(*) FILTER (WHERE m.sentiment = -1))::int', 'negative')
      .where('m.workspace_id = :workspaceId AND m.posted_at >= :from AND m.posted_at < :to AND m.duplicate_of IS NULL', {
        workspaceId,
        from,
        to,
        timeZone,
      })
      .groupBy('month')
      .getRawMany<MentionMonth>();
  }

  /**
   * Negative originals with no case yet, oldest first: stored since the cases module's sync start
   * (case_settings.sync_since) and within `lookback`. The anti-join on cases keeps LIMIT meaning "the next `limit`
   * without a case" in one statement (as ResponsesReader.caseCandidates).
   */
  caseCandidates(workspaceId: string, opts: { lookback: string; limit: number }): Promise<MentionCaseCandidate[]> {
    return this.mentions.query(
      `SELECT m.id, m.source, m.author, m.url, m.text, m.customer_external_id AS "customerExternalId", m.posted_at AS "postedAt"
         FROM mentions m
        WHERE m.workspace_id = $1 AND m.sentiment = -1 AND m.duplicate_of IS NULL
          AND m.created_at >= coalesce((SELECT sync_since FROM case_settings cs WHERE cs.workspace_id = m.workspace_id), '-infinity')
          AND m.created_at >= now() - $2::interval
          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.workspace_id = m.workspace_id AND c.source = 'mention' AND c.source_id = m.id::text)
        ORDER BY m.created_at, m.id LIMIT $3`,
      [workspaceId, opts.lookback, opts.limit],
    );
  }

  /** One mention for the public-answer workflow, or null when it is not in this workspace. */
  forPublicAnswer(workspaceId: string, mentionId: string): Promise<MentionForPublicAnswer | null> {
    return this.mentions.findOne({
      select: {
        id: true,
        source: true,
        author: true,
        text: true,
        url: true,
        language: true,
        sentiment: true,
        duplicateOf: true,
        postedAt: true,
        customerExternalId: true,
      },
      where: { workspaceId, id: mentionId },
    });
  }

  /** The language a mention was written in (the public answer to it is written in it), or null. */
  async languageOf(workspaceId: string, mentionId: string): Promise<string | null> {
    const row = await this.mentions.findOne({ select: { id: true, language: true }, where: { workspaceId, id: mentionId } });
    return row?.language ?? null;
  }
}
