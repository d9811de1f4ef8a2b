import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cancellation flows (the widget's configuration: which reasons, in which order, which languages)
 * and the cancellations they record: reason, follow-up, the offer shown and the outcome.
 */
export class Cancellations1764020000000 implements MigrationInterface {
  name = 'Cancellations1764020000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE cancellation_flows (
        workspace_id       uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id                 uuid NOT NULL DEFAULT gen_random_uuid(),
        public_key         varchar(32) NOT NULL UNIQUE,
        name               varchar(200) NOT NULL,
        status             varchar(16) NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'paused')),
        languages          text[] NOT NULL,
        default_language   varchar(8) NOT NULL,
        allowed_origins    text[] NOT NULL DEFAULT '{}',
        reason_keys        text[] NOT NULL DEFAULT '{}',
        randomize_reasons  boolean NOT NULL DEFAULT false,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`
      CREATE TABLE cancellations (
        workspace_id          uuid NOT NULL,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        flow_id               uuid NOT NULL,
        idempotency_key       varchar(64) NOT NULL,
        customer_external_id  varchar(200),
        reason_key            varchar(60),
        offered_reason_keys   text[] NOT NULL DEFAULT '{}',
        other_text            text,
        follow_up             text,
        offer                 jsonb,
        outcome               varchar(16) CHECK (outcome IN ('saved', 'cancelled')),
        mrr                   numeric(14, 2),
        language              varchar(8),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        finished_at           timestamptz,
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, flow_id, idempotency_key),
        FOREIGN KEY (workspace_id, flow_id) REFERENCES cancellation_flows (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX cancellations_time_idx ON cancellations (workspace_id, finished_at)`);
    await db.query(`CREATE INDEX cancellations_customer_idx ON cancellations (workspace_id, customer_external_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE cancellations, cancellation_flows`);
  }
}
