import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { ContactRefusal } from '../common/contact/contact-gate.port';

/** A customer under the communication guard now (the row goes when the guard ends): the guard job's memory of transitions. */
@Entity('customer_guards')
export class CustomerGuardEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'customer_guards_pkey' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customer_guards_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryColumn({ name: 'customer_external_id', type: 'varchar', length: 200, primaryKeyConstraintName: 'customer_guards_pkey' })
  customerExternalId: string;

  /** Why, as the guard API answers it (open_complaint, recent_cancellation, recent_sla_breach). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: ContactRefusal[];

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
