import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LocalizedText } from '@otklik/survey-model';
import type { SaveOffer } from './default-reasons';

export interface FlowRow {
  workspaceId: string;
  id: string;
  publicKey: string;
  name: string;
  status: 'live' | 'paused';
  languages: string[];
  defaultLanguage: string;
  allowedOrigins: string[];
  reasonKeys: string[];
  randomizeReasons: boolean;
  /** A customer id must come with its identity hash (customer-identity/). */
  requireVerifiedCustomer: boolean;
  followUpEnabled: boolean;
  /** Empty: the standard question. */
  followUpQuestion: LocalizedText;
  /** reason key → this flow's offer (null: none); keys not here keep the taxonomy's offer. */
  offerOverrides: Record<string, SaveOffer | null>;
  createdAt: Date;
}

export interface CancellationWrite {
  idempotencyKey: string;
  customerId: string | null;
  /** customerId came with a valid identity hash; only then may the run change the customer (mark them left). */
  customerVerified: boolean;
  reasonKey: string | null;
  offeredReasonKeys: string[];
  otherText: string | null;
  followUp: string | null;
  offer: SaveOffer | null;
  outcome: 'saved' | 'cancelled' | null;
  language: string | null;
}

/** The stored run after a write; `justFinished` is true only for the write that set the outcome. */
export interface CancellationRecord {
  id: string;
  finished: boolean;
  justFinished: boolean;
  outcome: 'saved' | 'cancelled' | null;
  created: boolean;
  customerId: string | null;
  customerVerified: boolean;
  reasonKey: string | null;
  otherText: string | null;
  followUp: string | null;
  offer: SaveOffer | null;
  mrr: string | null;
  language: string | null;
  finishedAt: Date | null;
}

const FLOW_COLUMNS = `workspace_id AS "workspaceId", id, public_key AS "publicKey", name, status, languages,
  default_language AS "defaultLanguage", allowed_origins AS "allowedOrigins", reason_keys AS "reasonKeys",
  randomize_reasons AS "randomizeReasons", require_verified_customer AS "requireVerifiedCustomer",
  follow_up_enabled AS "followUpEnabled", follow_up_question AS "followUpQuestion", offer_overrides AS "offerOverrides", created_at AS "createdAt"`;

const FIELDS: Record<string, string> = {
  name: 'name', status: 'status', languages: 'languages', defaultLanguage: 'default_language', allowedOrigins: 'allowed_origins',
  reasonKeys: 'reason_keys', randomizeReasons: 'randomize_reasons', requireVerifiedCustomer: 'require_verified_customer',
  followUpEnabled: 'follow_up_enabled', followUpQuestion: 'follow_up_question', offerOverrides: 'offer_overrides',
};
/** jsonb columns: sent as JSON text (a plain array would otherwise go out as a PostgreSQL array). */
const JSON_FIELDS = new Set(['followUpQuestion', 'offerOverrides']);

@Injectable()
export class CancellationFlowsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(flow: Omit<FlowRow, 'id' | 'createdAt'>): Promise<FlowRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO cancellation_flows (workspace_id, public_key, name, languages, default_language, allowed_origins, reason_keys, randomize_reasons,
                                       require_verified_customer, follow_up_enabled, follow_up_question, offer_overrides, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${FLOW_COLUMNS}`,
      [flow.workspaceId, flow.publicKey, flow.name, flow.languages, flow.defaultLanguage, flow.allowedOrigins, flow.reasonKeys, flow.randomizeReasons,
       flow.requireVerifiedCustomer, flow.followUpEnabled, JSON.stringify(flow.followUpQuestion), JSON.stringify(flow.offerOverrides), flow.status],
    );
    return row;
  }

  list(workspaceId: string): Promise<FlowRow[]> {
    return this.dataSource.query(`SELECT ${FLOW_COLUMNS} FROM cancellation_flows WHERE workspace_id = $1 ORDER BY created_at`, [workspaceId]);
  }

  async find(workspaceId: string, id: string): Promise<FlowRow | null> {
    const rows = await this.dataSource.query(`SELECT ${FLOW_COLUMNS} FROM cancellation_flows WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    return (rows[0] as FlowRow | undefined) ?? null;
  }

  async findByPublicKey(publicKey: string): Promise<FlowRow | null> {
    const rows = await this.dataSource.query(`SELECT ${FLOW_COLUMNS} FROM cancellation_flows WHERE public_key = $1`, [publicKey]);
    return (rows[0] as FlowRow | undefined) ?? null;
  }

  async update(workspaceId: string, id: string, changes: Partial<FlowRow>): Promise<void> {
    const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && FIELDS[key]);
    if (entries.length === 0) return;
    await this.dataSource.query(
      `UPDATE cancellation_flows SET ${entries.map(([key], i) => `${FIELDS[key]} = $${i + 3}`).join(', ')}, updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, ...entries.map(([key, value]) => (JSON_FIELDS.has(key) ? JSON.stringify(value) : value))],
    );
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
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
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
          flow.workspaceId, flow.id, write.idempotencyKey, write.customerId, write.reasonKey, write.offeredReasonKeys,
          write.otherText, write.followUp, write.offer ? JSON.stringify(write.offer) : null, write.outcome, write.language, write.customerVerified,
        ],
      );
      if (!row) return null; // the run belongs to another customer
      // Only a customer id proven by its identity hash may change the customer: a cancelled run marks them as left,
      // and any step this call proved counts as activity ("last seen").
      const seen = write.customerVerified && write.customerId === row.customerId;
      if (row.customerId && row.customerVerified && (row.outcome === 'cancelled' || seen)) {
        await manager.query(
          `UPDATE customers SET lifecycle_stage = CASE WHEN $3 THEN 'left' ELSE lifecycle_stage END,
                                last_seen_at = CASE WHEN $4 THEN greatest(last_seen_at, now()) ELSE last_seen_at END,
                                updated_at = CASE WHEN $3 THEN now() ELSE updated_at END
            WHERE workspace_id = $1 AND external_id = $2`,
          [flow.workspaceId, row.customerId, row.outcome === 'cancelled', seen],
        );
      }
      const record = row as CancellationRecord;
      if (afterWrite) await afterWrite(manager, record);
      return record;
    });
  }
}
