import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MentionEntity } from './mention.entity';

/** A negative original mention as complaint clustering copies it; the time stays text so its microseconds survive JSON. */
export type MentionForClustering = Pick<MentionEntity, 'id' | 'text' | 'language' | 'sentiment' | 'customerExternalId'> & { postedAt: string };

/** How other modules read `mentions` (exported by MentionsReaderModule). */
@Injectable()
export class MentionsReader {
  constructor(@InjectRepository(MentionEntity) private readonly mentions: Repository<MentionEntity>) {}

  /** Negative originals (copies left out) stored since `since`, text cut to 5000 characters; in `manager`'s transaction when given. */
  negativeOriginalsSince(workspaceId: string, since: Date, manager?: EntityManager): Promise<MentionForClustering[]> {
    return (manager ? manager.getRepository(MentionEntity) : this.mentions)
      .createQueryBuilder('m')
      .select([
        'm.id AS id', 'left(m.text, 5000) AS text', 'm.language AS language', 'm.sentiment AS sentiment',
        'm.customer_external_id AS "customerExternalId"', 'm.posted_at::text AS "postedAt"',
      ])
      .where('m.workspace_id = :workspaceId AND m.created_at >= :since AND m.sentiment = -1 AND m.duplicate_of IS NULL', { workspaceId, since })
      .getRawMany<MentionForClustering>();
  }
}
