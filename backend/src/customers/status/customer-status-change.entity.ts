import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/user.entity';
import { WorkspaceEntity } from '../../workspaces/workspace.entity';
import { CustomerEntity } from '../customer.entity';
import type { ColourStatus, StatusChangeCause } from './colour-status';

const STATUS_LIST = `('white', 'grey', 'green', 'yellow', 'green_gold', 'gold', 'platinum', 'red_green', 'red_gold', 'red_platinum')`;

/** One move of a customer's colour status (from, to, when, why): the history behind monthly counts and flows. */
@Entity('customer_status_changes')
@Check('customer_status_changes_from_status_check', `from_status IN ${STATUS_LIST}`)
@Check('customer_status_changes_to_status_check', `to_status IN ${STATUS_LIST}`)
@Check('customer_status_changes_cause_check', `cause IN ('rules', 'override', 'override_cleared')`)
@ForeignKey(() => CustomerEntity, ['workspaceId', 'customerExternalId'], ['workspaceId', 'externalId'], {
  name: 'customer_status_changes_customer_fkey',
  onDelete: 'CASCADE',
})
@Index('customer_status_changes_period_idx', ['workspaceId', 'changedAt'])
@Index('customer_status_changes_customer_idx', ['workspaceId', 'customerExternalId', 'changedAt'])
export class CustomerStatusChangeEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customer_status_changes_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200 })
  customerExternalId: string;

  /** Null for a customer's first status. */
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: ColourStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: ColourStatus;

  /** clock_timestamp(): changes made in one transaction keep their order. */
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  changedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  cause: StatusChangeCause;

  /** What moved it: the rule that matched, or the reason a person gave. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'customer_status_changes_actor_id_fkey', onDelete: 'SET NULL' })
  actorId: string | null;
}
