import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: endpoints subscribe to event types; every event becomes one delivery row per
 * subscribed endpoint, written in the same transaction as the change it reports (an outbox), so a
 * crash never loses an event. Deliveries go out in order per endpoint (seq) and every attempt is logged.
 * Customers get sleeping_notified_at so "customer.sleeping" fires once per quiet spell.
 */
export class Webhooks1796173600909 implements MigrationInterface {
  name = 'Webhooks1796173600909';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoints (
        workspace_id  uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        url           varchar(2000) NOT NULL,
        description   varchar(500) NOT NULL DEFAULT '',
        events        text[] NOT NULL,
        secret        varchar(100) NOT NULL,
        enabled       boolean NOT NULL DEFAULT true,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        workspace_id     uuid NOT NULL,
        id               uuid NOT NULL DEFAULT gen_random_uuid(),
        seq              bigserial NOT NULL,
        endpoint_id      uuid NOT NULL,
        event_id         uuid NOT NULL,
        event_type       varchar(60) NOT NULL,
        payload          jsonb NOT NULL,
        status           varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'succeeded', 'failed')),
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        lease_until      timestamptz,
        last_status_code integer,
        last_error       varchar(500),
        last_duration_ms integer,
        replay_of        uuid,
        created_at       timestamptz NOT NULL DEFAULT now(),
        completed_at     timestamptz,
        PRIMARY KEY (workspace_id, id),
        FOREIGN KEY (workspace_id, endpoint_id) REFERENCES webhook_endpoints (workspace_id, id) ON DELETE CASCADE
      )`);
    // The dispatcher's question: "the oldest unfinished delivery of each endpoint".
    await db.query(
      `CREATE INDEX webhook_deliveries_open_idx ON webhook_deliveries (endpoint_id, seq) WHERE status IN ('pending', 'sending')`,
    );
    await db.query(`CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (workspace_id, endpoint_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE webhook_attempts (
        workspace_id  uuid NOT NULL,
        delivery_id   uuid NOT NULL,
        attempt       integer NOT NULL,
        attempted_at  timestamptz NOT NULL DEFAULT now(),
        status_code   integer,
        duration_ms   integer NOT NULL,
        error         varchar(500),
        response_excerpt varchar(1000),
        PRIMARY KEY (workspace_id, delivery_id, attempt),
        FOREIGN KEY (workspace_id, delivery_id) REFERENCES webhook_deliveries (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`ALTER TABLE customers ADD COLUMN sleeping_notified_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customers DROP COLUMN sleeping_notified_at`);
    await db.query(`DROP TABLE webhook_attempts, webhook_deliveries, webhook_endpoints`);
  }
}
