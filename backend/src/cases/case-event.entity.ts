import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { CaseEntity } from './case.entity';

/** One entry of a case's audit trail. */
@Entity('case_events')
@Check('case_events_actor_kind_check', `actor_kind IN ('user', 'token', 'system')`)
@Index('case_events_case_idx', ['workspaceId', 'caseId', 'createdAt'])
@ForeignKey(() => CaseEntity, ['workspaceId', 'caseId'], ['workspaceId', 'id'], {
  name: 'case_events_workspace_id_case_id_fkey',
  onDelete: 'CASCADE',
})
export class CaseEventEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'case_events_actor_id_fkey', onDelete: 'SET NULL' })
  actorId: string | null;

  @Column({ name: 'actor_kind', type: 'varchar', length: 8 })
  actorKind: 'user' | 'token' | 'system';

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  /** clock_timestamp(): events written in one transaction keep their order. */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
