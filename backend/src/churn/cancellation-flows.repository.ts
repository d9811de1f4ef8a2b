import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CustomersReader } from '../customers/customers.reader';
import { CancellationFlowEntity } from './cancellation-flow.entity';
import { CancellationEntity } from './cancellation.entity';

/** A flow as the service works with it (everything but updated_at). */
export type FlowRow = Omit<CancellationFlowEntity, 'updatedAt'>;

export type CancellationWrite = Pick<
  CancellationEntity,
  'idempotencyKey' | 'reasonKey' | 'offeredReasonKeys' | 'otherText' | 'followUp' | 'offer' | 'outcome' | 'language'
> & {
  customerId: CancellationEntity['customerExternalId'];
  /** customerId came with a valid identity hash; only then may the run change the customer (mark them left). */
  customerVerified: boolean;
};

/** The stored run after a write; `justFinished` is true only for the write that set the outcome. */
export type CancellationRecord = Pick<
  CancellationEntity,
  'id' | 'outcome' | 'customerVerified' | 'reasonKey' | 'otherText' | 'followUp' | 'offer' | 'mrr' | 'language' | 'finishedAt'
> & {
  finished: boolean;
  justFinished: boolean;
  created: boolean;
  customerId: CancellationEntity['customerExternalId'];
};

const FLOW_COLUMNS = {
  workspaceId: true,
  id: true,
  publicKey: true,
  name: true,
  status: true,
  languages: true,
  defaultLanguage: true,
  allowedOrigins: true,
  reasonKeys: true,
  randomizeReasons: true,
  requireVerifiedCustomer: true,
  followUpEnabled: true,
  followUpQuestion: true,
  offerOverrides: true,
  createdAt: true,
} as const;

/** What an edit may change. */
const EDITABLE = [
  'name',
  'status',
  'languages',
  'defaultLanguage',
  'allowedOrigins',
  'reasonKeys',
  'randomizeReasons',
  'requireVerifiedCustomer',
  'followUpEnabled',
  'followUpQuestion',
  'offerOverrides',
] as const satisfies readonly (keyof FlowRow)[];

@Injectable()
export class CancellationFlowsRepository {
  constructor(
    @InjectRepository(CancellationFlowEntity) private readonly flows: Repository<CancellationFlowEntity>,
    private readonly customers: CustomersReader,
  ) {}

  async create(flow: Omit<FlowRow, 'id' | 'createdAt'>): Promise<FlowRow> {
    const { identifiers } = await this.flows.insert(flow);
    return (await this.find(flow.workspaceId, identifiers[0].id as string))!;
  }

  list(workspaceId: string): Promise<FlowRow[]> {
    return this.flows.find({ select: FLOW_COLUMNS, where: { workspaceId }, order: { createdAt: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<FlowRow | null> {
    return this.flows.findOne({ select: FLOW_COLUMNS, where: { workspaceId, id } });
  }

  findByPublicKey(publicKey: string): Promise<FlowRow | null> {
    return this.flows.findOne({ select: FLOW_COLUMNS, where: { publicKey } });
  }

  async update(workspaceId: string, id: string, changes: Partial<FlowRow>): Promise<void> {
    const set = Object.fromEntries(EDITABLE.filter((key) => changes[key] !== undefined).map((key) => [key, changes[key]]));
    if (Object.keys(set).length === 0) return;
    await this.flows.update({ workspaceId, id }, set);
  }

  /**
   * Records a flow run once per idempotency key, merging later steps into it. The outcome is set once,
   * when the run finishes; the customer's MRR is captured then (for revenue churn) and a cancelled
   * customer is marked as left.
   */
  async upsertCancellation(
    flow: FlowRow,
    write: CancellationWrite,
    afterWrite?: (manager: EntityManager, record: CancellationRecord) => Promise<void>,
  ): Promise<CancellationRecord | null> {
    return this.flows.manager.transaction(async (manager) => {
      // ON CONFLICT with per-column CASE merges and RETURNING (xmax = 0): not expressible with the query builder.
      const [row]: CancellationRecord[] = await manager.query(
        `INSERT INTO cancellations AS c (workspace_id, flow_id, idempotency_key, customer_external_id, reason_key, offered_reason_keys,
                                         other_text, follow_up, offer, outcome, language, finished_at, mrr, customer_verified)
         VALUES ($1, $2, $3, $4::varchar, $5, $6, $7, $8, $9, $10::varchar, $11, CASE WHEN $10::varchar IS NOT NULL THEN now() END,
                 CASE WHEN $10::varchar IS NOT NULL THEN (SELECT mrr FROM customers WHERE workspace_id = $1 AND external_id = $4::varchar) END,
                 $4::varchar IS NOT NULL AND $12::boolean)
         ON CONFLICT (workspace_id, flow_id, idempotency_key) DO UPDATE SET
           customer_external_id = COALESCE(c.customer_external_id, EXCLUDED.customer_external_id),
           -- The flag always belongs to the stored customer id: a later call proves it, never another one.
           customer_verified = CASE WHEN c.customer_external_id IS NULL THEN EXCLUDED.customer_verified
                                    ELSE c.customer_verified OR (EXCLUDED.customer_verified AND EXCLUDED.customer_external_id = c.customer_external_id) END,
           reason_key = CASE WHEN c.outcome IS NULL THEN COALESCE(EXCLUDED.reason_key, c.reason_key) ELSE c.reason_key END,
           other_text = CASE WHEN c.outcome IS NULL THEN COALESCE(EXCLUDED.other_text, c.other_text) ELSE c.other_text END,
           follow_up = CASE WHEN c.outcome IS NULL THEN COALESCE(EXCLUDED.follow_up, c.follow_up) ELSE c.follow_up END,
           offer = CASE WHEN c.outcome IS NULL THEN COALESCE(EXCLUDED.offer, c.offer) ELSE c.offer END,
           language = COALESCE(EXCLUDED.language, c.language),
           outcome = COALESCE(c.outcome, EXCLUDED.outcome),
           finished_at = COALESCE(c.finished_at, EXCLUDED.finished_at),
           mrr = COALESCE(c.mrr, (SELECT mrr FROM customers WHERE workspace_id = $1
                                   AND external_id = COALESCE(c.customer_external_id, EXCLUDED.customer_external_id)
                                   AND EXCLUDED.outcome IS NOT NULL)),
           updated_at = now()
         -- A stored customer id never changes: a step naming another customer (someone who learnt the run's key)
         -- writes nothing, and the service answers 409.
         WHERE c.customer_external_id IS NULL OR EXCLUDED.customer_external_id IS NULL OR c.customer_external_id = EXCLUDED.customer_external_id
         RETURNING id, outcome, (finished_at IS NOT NULL) AS finished, (xmax = 0) AS created, customer_external_id AS "customerId",
                   customer_verified AS "customerVerified",
                   COALESCE(finished_at = now(), false) AS "justFinished", reason_key AS "reasonKey", other_text AS "otherText", follow_up AS "followUp",
                   offer, mrr, language, finished_at AS "finishedAt"`,
        [
          flow.workspaceId,
          flow.id,
          write.idempotencyKey,
          write.customerId,
          write.reasonKey,
          write.offeredReasonKeys,
          write.otherText,
          write.followUp,
          write.offer ? JSON.stringify(write.offer) : null,
          write.outcome,
          write.language,
          write.customerVerified,
        ],
      );
      if (!row) return null; // the run belongs to another customer
      // Only a customer id proven by its identity hash may change the customer: a cancelled run marks them as left,
      // and any step this call proved counts as activity ("last seen").
      const seen = write.customerVerified && write.customerId === row.customerId;
      if (row.customerId && row.customerVerified && (row.outcome === 'cancelled' || seen)) {
        await this.customers.recordCancellationStep(flow.workspaceId, row.customerId, { left: row.outcome === 'cancelled', seen }, manager);
      }
      if (afterWrite) await afterWrite(manager, row);
      return row;
    });
  }
}
