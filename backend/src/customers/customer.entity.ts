import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { RfmGroup } from './activity/rfm-groups';
import type { LifecycleStage } from './customers.dto';
import type { ColourStatus, OfferResponse } from './status/colour-status';

/** A customer of a workspace, keyed by the customer's own external id. */
@Entity('customers')
@Unique('customers_workspace_id_external_id_key', ['workspaceId', 'externalId'])
@Check('customers_lifecycle_stage_check', `lifecycle_stage IN ('aware', 'considering', 'buying', 'repeat', 'left')`)
@Check('customers_mrr_check', 'mrr >= 0')
@Check('customers_order_count_check', 'order_count >= 0')
@Check(
  'customers_colour_status_check',
  `colour_status IN ('white', 'grey', 'green', 'yellow', 'green_gold', 'gold', 'platinum', 'red_green', 'red_gold', 'red_platinum')`,
)
@Check(
  'customers_status_override_check',
  `status_override IN ('white', 'grey', 'green', 'yellow', 'green_gold', 'gold', 'platinum', 'red_green', 'red_gold', 'red_platinum')`,
)
@Check('customers_offer_response_check', `offer_response IN ('interested', 'requested', 'declined')`)
@Check('customers_purchase_volume_check', 'purchase_volume >= 0')
@Check('customers_rfm_recency_check', 'rfm_recency BETWEEN 1 AND 5')
@Check('customers_rfm_frequency_check', 'rfm_frequency BETWEEN 1 AND 5')
@Check('customers_rfm_monetary_check', 'rfm_monetary BETWEEN 1 AND 5')
@Check(
  'customers_rfm_group_check',
  `rfm_group IN ('champions', 'loyal', 'potential', 'new', 'at_risk', 'cant_lose', 'hibernating', 'lost')`,
)
@Check(
  'customers_rfm_previous_group_check',
  `rfm_previous_group IN ('champions', 'loyal', 'potential', 'new', 'at_risk', 'cant_lose', 'hibernating', 'lost')`,
)
@Index('customers_colour_status_idx', ['workspaceId', 'colourStatus'])
@Index('customers_account_manager_idx', ['workspaceId', 'accountManagerId'])
@Index('customers_rfm_group_idx', ['workspaceId', 'rfmGroup'])
@Index('customers_stage_idx', ['workspaceId', 'lifecycleStage'])
@Index('customers_last_seen_idx', ['workspaceId', 'lastSeenAt'])
// (workspace_id, lower(email)): an expression index, named only.
@Index('customers_email_idx', { synchronize: false })
// (workspace_id, first_seen_at) INCLUDE (external_id, mrr): the churn summary's customers at a period's start.
@Index('customers_first_seen_idx', { synchronize: false })
export class CustomerEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'customers_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, unknown>;

  @Column({ name: 'lifecycle_stage', type: 'varchar', length: 16, default: 'aware' })
  lifecycleStage: LifecycleStage;

  @Column({ type: 'varchar', length: 100, nullable: true })
  segment: string | null;

  /** numeric(14,2): read as a string, so no precision is lost. */
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  mrr: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  consents: Record<string, unknown>;

  @Column({ name: 'order_count', type: 'integer', default: 0 })
  orderCount: number;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Set when "customer.sleeping" fired, so it fires once per quiet spell. */
  @Column({ name: 'sleeping_notified_at', type: 'timestamptz', nullable: true })
  sleepingNotifiedAt: Date | null;

  /** The effective colour status: the override when one is set, else what the workspace's rules derive. */
  @Column({ name: 'colour_status', type: 'varchar', length: 16, default: 'white' })
  colourStatus: ColourStatus;

  @Column({ name: 'status_override', type: 'varchar', length: 16, nullable: true })
  statusOverride: ColourStatus | null;

  @Column({ name: 'status_override_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'customers_status_override_by_fkey', onDelete: 'SET NULL' })
  statusOverrideBy: string | null;

  @Column({ name: 'status_override_reason', type: 'varchar', length: 500, nullable: true })
  statusOverrideReason: string | null;

  @Column({ name: 'status_override_at', type: 'timestamptz', nullable: true })
  statusOverrideAt: Date | null;

  /** An organisation (B2B) rather than a person; without a decision maker it is grey. */
  @Column({ name: 'is_organisation', type: 'boolean', default: false })
  isOrganisation: boolean;

  @Column({ name: 'decision_maker', type: 'varchar', length: 200, nullable: true })
  decisionMaker: string | null;

  @Column({ name: 'offer_response', type: 'varchar', length: 16, nullable: true })
  offerResponse: OfferResponse | null;

  @Column({ name: 'offer_response_at', type: 'timestamptz', nullable: true })
  offerResponseAt: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  country: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  region: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry: string | null;

  /** numeric(14,2), read as a string: the sum of the customer's orders. */
  @Column({ name: 'purchase_volume', type: 'numeric', precision: 14, scale: 2, default: 0 })
  purchaseVolume: string;

  @Column({ name: 'last_order_at', type: 'timestamptz', nullable: true })
  lastOrderAt: Date | null;

  /** When the customer stopped (cancelled, or no order for the rules' days); null while they are active. */
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt: Date | null;

  /** The member who looks after this customer ("who lost whom"). */
  @Column({ name: 'account_manager_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'customers_account_manager_id_fkey', onDelete: 'SET NULL' })
  accountManagerId: string | null;

  @Column({ name: 'rfm_recency', type: 'smallint', nullable: true })
  rfmRecency: number | null;

  @Column({ name: 'rfm_frequency', type: 'smallint', nullable: true })
  rfmFrequency: number | null;

  @Column({ name: 'rfm_monetary', type: 'smallint', nullable: true })
  rfmMonetary: number | null;

  @Column({ name: 'rfm_group', type: 'varchar', length: 16, nullable: true })
  rfmGroup: RfmGroup | null;

  /** The group before the latest change of group (null until the group first changes): early warning's "moved into". */
  @Column({ name: 'rfm_previous_group', type: 'varchar', length: 16, nullable: true })
  rfmPreviousGroup: RfmGroup | null;

  @Column({ name: 'rfm_scored_at', type: 'timestamptz', nullable: true })
  rfmScoredAt: Date | null;
}
