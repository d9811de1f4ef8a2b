import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { MentionPublicAnswerEntity } from './mention-public-answer.entity';

export type PublicAnswerRow = MentionPublicAnswerEntity;

/** A step's post: text, link, when it went up and who recorded it. */
export interface PostValues {
  text: string;
  url: string | null;
  at: Date;
  by: string | null;
}

/**
 * `mention_public_answers`: every write is conditional on the revision the caller read (an insert on "nothing yet"),
 * so of two people editing at once one wins and the other learns it (false → 409), never a silent overwrite.
 */
@Injectable()
export class PublicAnswersRepository {
  constructor(@InjectRepository(MentionPublicAnswerEntity) private readonly answers: Repository<MentionPublicAnswerEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.answers.manager.transaction(work);
  }

  private repo(manager?: EntityManager): Repository<MentionPublicAnswerEntity> {
    return manager ? manager.getRepository(MentionPublicAnswerEntity) : this.answers;
  }

  find(workspaceId: string, mentionId: string, manager?: EntityManager): Promise<PublicAnswerRow | null> {
    return this.repo(manager).findOne({ where: { workspaceId, mentionId } });
  }

  /** The first record of the mention's workflow, with its answer; false when someone recorded one first. */
  async insertAnswer(manager: EntityManager, workspaceId: string, mentionId: string, post: PostValues): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, mentionId, answerText: post.text, answerUrl: post.url, answeredAt: post.at, answeredBy: post.by })
      .orIgnore()
      .returning(['revision'])
      .execute();
    return result.raw.length === 1;
  }

  /** Sets the answer when the row is still at `revision`; an answer already up keeps its time and person. */
  async updateAnswer(manager: EntityManager, workspaceId: string, mentionId: string, revision: number, post: PostValues): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({
        answerText: post.text,
        answerUrl: post.url,
        answeredAt: () => 'COALESCE(answered_at, CAST(:at AS timestamptz))',
        answeredBy: () => 'CASE WHEN answered_at IS NULL THEN CAST(:by AS uuid) ELSE answered_by END',
        revision: () => 'revision + 1',
      })
      .where('workspace_id = :workspaceId AND mention_id = :mentionId AND revision = :revision', { workspaceId, mentionId, revision })
      .setParameters({ at: post.at, by: post.by })
      .execute();
    return result.affected === 1;
  }

  /** Clears the answer at `revision`, only while no findings hang on it. */
  async clearAnswer(manager: EntityManager, workspaceId: string, mentionId: string, revision: number): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ answerText: null, answerUrl: null, answeredAt: null, answeredBy: null, revision: () => 'revision + 1' })
      .where('workspace_id = :workspaceId AND mention_id = :mentionId AND revision = :revision AND findings_at IS NULL', {
        workspaceId,
        mentionId,
        revision,
      })
      .execute();
    return result.affected === 1;
  }

  /** Sets the findings at `revision`, only after the answer; findings already up keep their time and person. */
  async setFindings(manager: EntityManager, workspaceId: string, mentionId: string, revision: number, post: PostValues): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({
        findingsText: post.text,
        findingsUrl: post.url,
        findingsAt: () => 'COALESCE(findings_at, CAST(:at AS timestamptz))',
        findingsBy: () => 'CASE WHEN findings_at IS NULL THEN CAST(:by AS uuid) ELSE findings_by END',
        revision: () => 'revision + 1',
      })
      .where('workspace_id = :workspaceId AND mention_id = :mentionId AND revision = :revision AND answered_at IS NOT NULL', {
        workspaceId,
        mentionId,
        revision,
      })
      .setParameters({ at: post.at, by: post.by })
      .execute();
    return result.affected === 1;
  }

  async clearFindings(manager: EntityManager, workspaceId: string, mentionId: string, revision: number): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ findingsText: null, findingsUrl: null, findingsAt: null, findingsBy: null, revision: () => 'revision + 1' })
      .where('workspace_id = :workspaceId AND mention_id = :mentionId AND revision = :revision', { workspaceId, mentionId, revision })
      .execute();
    return result.affected === 1;
  }
}
