import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases: one customer problem with an owner, SLA timers (first response, resolution) that pause while waiting on
 * the customer, warnings and escalations claimed once (the warned_/breached_ columns), and an audit trail
 * (case_events). A feedback source (response, cancellation, mention, cluster) opens at most one case.
 */
export class Cases1796178327574 implements MigrationInterface {
  name = 'Cases1796178327574';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_settings (
        workspace_id        uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        next_number         integer NOT NULL DEFAULT 0,
        sync_since          timestamptz,
        high_mrr_threshold  numeric(14, 2) NOT NULL DEFAULT 10000 CHECK (high_mrr_threshold >= 0),
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    // Workspaces that exist now only get cases for feedback that arrives from now on (no flood of old detractors).
    await db.query(`INSERT INTO case_settings (workspace_id, sync_since) SELECT id, now() FROM workspaces`);
    await db.query(`
      CREATE TABLE case_routing_cursors (
        workspace_id   uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        touchpoint_id  uuid NOT NULL,
        position       integer NOT NULL DEFAULT 0,
        PRIMARY KEY (workspace_id, touchpoint_id)
      )`);
    await db.query(`
      CREATE TABLE cases (
        workspace_id               uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id                         uuid NOT NULL DEFAULT gen_random_uuid(),
        number                     integer NOT NULL,
        title                      varchar(300) NOT NULL,
        description                text NOT NULL DEFAULT '',
        source                     varchar(16) NOT NULL CHECK (source IN ('response', 'cancellation', 'mention', 'cluster', 'manual', 'api')),
        source_id                  varchar(300),
        touchpoint_id              uuid,
        customer_external_id       varchar(200),
        channel                    varchar(16) NOT NULL DEFAULT 'other',
        priority                   varchar(8) NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
        priority_reasons           text[] NOT NULL DEFAULT '{}',
        status                     varchar(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'waiting_customer', 'resolved', 'closed')),
        reopened                   boolean NOT NULL DEFAULT false,
        owner_id                   uuid REFERENCES users(id) ON DELETE SET NULL,
        escalated_to               uuid[] NOT NULL DEFAULT '{}',
        sla_policy_id              uuid,
        opened_at                  timestamptz NOT NULL,
        resolution_started_at      timestamptz NOT NULL,
        pauses                     jsonb NOT NULL DEFAULT '[]',
        first_response_due         timestamptz,
        first_response_warn_at     timestamptz,
        resolution_due             timestamptz,
        resolution_warn_at         timestamptz,
        first_responded_at         timestamptz,
        resolved_at                timestamptz,
        closed_at                  timestamptz,
        warned_first_response_at   timestamptz,
        warned_resolution_at       timestamptz,
        breached_first_response_at timestamptz,
        breached_resolution_at     timestamptz,
        root_cause                 text,
        action_taken               text,
        churn_reason_key           varchar(60),
        follow_up_csat             smallint CHECK (follow_up_csat BETWEEN 1 AND 5),
        follow_up_comment          text,
        follow_up_at               timestamptz,
        created_by                 uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at                 timestamptz NOT NULL DEFAULT now(),
        updated_at                 timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, number),
        UNIQUE (workspace_id, source, source_id),
        FOREIGN KEY (workspace_id, touchpoint_id) REFERENCES touchpoints (workspace_id, id) ON DELETE SET NULL (touchpoint_id)
      )`);
    await db.query(`CREATE INDEX cases_inbox_idx ON cases (workspace_id, status, resolution_due)`);
    await db.query(
      `CREATE INDEX cases_customer_idx ON cases (workspace_id, customer_external_id, opened_at) WHERE customer_external_id IS NOT NULL`,
    );
    // What the breach job scans: open timers not yet warned / breached.
    await db.query(
      `CREATE INDEX cases_fr_timer_idx ON cases (first_response_warn_at) WHERE first_responded_at IS NULL AND breached_first_response_at IS NULL AND status IN ('open', 'waiting_customer')`,
    );
    await db.query(
      `CREATE INDEX cases_res_timer_idx ON cases (resolution_warn_at) WHERE breached_resolution_at IS NULL AND status IN ('open', 'waiting_customer')`,
    );
    await db.query(`
      CREATE TABLE case_events (
        workspace_id  uuid NOT NULL,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id       uuid NOT NULL,
        actor_id      uuid REFERENCES users(id) ON DELETE SET NULL,
        actor_kind    varchar(8) NOT NULL CHECK (actor_kind IN ('user', 'token', 'system')),
        kind          varchar(40) NOT NULL,
        details       jsonb NOT NULL DEFAULT '{}',
        created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (workspace_id, id),
        FOREIGN KEY (workspace_id, case_id) REFERENCES cases (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX case_events_case_idx ON case_events (workspace_id, case_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_events, cases, case_routing_cursors, case_settings`);
  }
}
