import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MentionEntity } from '../mentions/mention.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/**
 * A negative mention's public workflow: the public answer and the published findings, each a text, an optional link
 * and the time it went up. `revision` grows with every write; writes name the revision they read (409 when stale).
 */
@Entity('mention_public_answers')
@Check('mention_public_answers_answer_url_check', `answer_url ~ '^https?://'`)
@Check('mention_public_answers_findings_url_check', `findings_url ~ '^https?://'`)
@Check(
  'mention_public_answers_answer_whole_check',
  '(answer_text IS NULL) = (answered_at IS NULL) AND (answer_url IS NULL OR answered_at IS NOT NULL)',
)
@Check(
  'mention_public_answers_findings_whole_check',
  '(findings_text IS NULL) = (findings_at IS NULL) AND (findings_url IS NULL OR findings_at IS NOT NULL)',
)
@ForeignKey(() => MentionEntity, ['workspaceId', 'mentionId'], ['workspaceId', 'id'], {
  name: 'mention_public_answers_mention_fkey',
  onDelete: 'CASCADE',
})
export class MentionPublicAnswerEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'mention_public_answers_pkey' })
  @ForeignKey(() => WorkspaceEntity, { name: 'mention_public_answers_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryColumn({ name: 'mention_id', type: 'uuid', primaryKeyConstraintName: 'mention_public_answers_pkey' })
  mentionId: string;

  @Column({ name: 'answer_text', type: 'varchar', length: 5000, nullable: true })
  answerText: string | null;

  @Column({ name: 'answer_url', type: 'varchar', length: 2000, nullable: true })
  answerUrl: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'mention_public_answers_answered_by_fkey', onDelete: 'SET NULL' })
  answeredBy: string | null;

  @Column({ name: 'findings_text', type: 'varchar', length: 5000, nullable: true })
  findingsText: string | null;

  @Column({ name: 'findings_url', type: 'varchar', length: 2000, nullable: true })
  findingsUrl: string | null;

  @Column({ name: 'findings_at', type: 'timestamptz', nullable: true })
  findingsAt: Date | null;

  @Column({ name: 'findings_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'mention_public_answers_findings_by_fkey', onDelete: 'SET NULL' })
  findingsBy: string | null;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
