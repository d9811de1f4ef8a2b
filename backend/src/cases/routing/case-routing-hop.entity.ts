import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/user.entity';
import { CaseEntity } from '../case.entity';
import type { HopReason } from './routing-reasons';

/**
 * One move of a case to another touchpoint and/or owner, with why. Touchpoint ids carry no foreign key: a deleted
 * touchpoint's hops stay in the history (and in the figures of the months they happened in).
 */
@Entity('case_routing_hops')
@Check('case_routing_hops_reason_check', `reason IN ('wrong_touchpoint', 'wrong_owner', 'escalation', 'workload', 'absence', 'other')`)
@Check('case_routing_hops_actor_kind_check', `actor_kind IN ('user', 'token', 'system')`)
@Index('case_routing_hops_case_idx', ['workspaceId', 'caseId', 'hoppedAt'])
@ForeignKey(() => CaseEntity, ['workspaceId', 'caseId'], ['workspaceId', 'id'], {
  name: 'case_routing_hops_workspace_id_case_id_fkey',
  onDelete: 'CASCADE',
})
export class CaseRoutingHopEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** clock_timestamp(): hops written in one transaction keep their order. */
  @Column({ name: 'hopped_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  hoppedAt: Date;

  @Column({ name: 'from_touchpoint_id', type: 'uuid', nullable: true })
  fromTouchpointId: string | null;

  @Column({ name: 'to_touchpoint_id', type: 'uuid', nullable: true })
  toTouchpointId: string | null;

  @Column({ name: 'from_owner_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'case_routing_hops_from_owner_id_fkey', onDelete: 'SET NULL' })
  fromOwnerId: string | null;

  @Column({ name: 'to_owner_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'case_routing_hops_to_owner_id_fkey', onDelete: 'SET NULL' })
  toOwnerId: string | null;

  @Column({ type: 'varchar', length: 20 })
  reason: HopReason;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'case_routing_hops_actor_id_fkey', onDelete: 'SET NULL' })
  actorId: string | null;

  @Column({ name: 'actor_kind', type: 'varchar', length: 8 })
  actorKind: 'user' | 'token' | 'system';
}
