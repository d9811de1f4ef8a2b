import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The win-back loop (issue 19): a problem (a complaint cluster, a churn reason or a known issue a person names) is
 * marked fixed with what changed; the customers it hurt are snapshotted once at that moment, told in their channel,
 * and followed: who answered, who came back (an order, a payment, activity, a resumed subscription, or marked by hand).
 */
export class WinBack1796950000000 implements MigrationInterface {
  name = 'WinBack1796950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE recovery_problems (
        workspace_id      uuid NOT NULL CONSTRAINT recovery_problems_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                uuid NOT NULL DEFAULT gen_random_uuid(),
        kind              varchar(16) NOT NULL CONSTRAINT recovery_problems_kind_check CHECK (kind IN ('cluster', 'churn_reason', 'known_issue')),
        cluster_id        uuid,
        churn_reason_key  varchar(60),
        title             varchar(200) NOT NULL CONSTRAINT recovery_problems_title_check CHECK (length(btrim(title)) > 0),
        status            varchar(8) NOT NULL DEFAULT 'open' CONSTRAINT recovery_problems_status_check CHECK (status IN ('open', 'fixed')),
        fixed_at          timestamptz,
        fixed_by          uuid CONSTRAINT recovery_problems_fixed_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        what_changed      varchar(2000),
        touchpoint_id     uuid,
        affected_count    integer,
        created_by        uuid CONSTRAINT recovery_problems_created_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recovery_problems_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT recovery_problems_target_check CHECK (
          (kind = 'cluster') = (cluster_id IS NOT NULL) AND (kind = 'churn_reason') = (churn_reason_key IS NOT NULL)),
        CONSTRAINT recovery_problems_fixed_check CHECK (
          (status = 'fixed') = (fixed_at IS NOT NULL) AND (status = 'open' OR (what_changed IS NOT NULL AND affected_count IS NOT NULL))),
        CONSTRAINT recovery_problems_workspace_id_cluster_id_fkey FOREIGN KEY (workspace_id, cluster_id)
          REFERENCES clusters (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT recovery_problems_workspace_id_churn_reason_key_fkey FOREIGN KEY (workspace_id, churn_reason_key)
          REFERENCES churn_reasons (workspace_id, key) ON DELETE CASCADE,
        CONSTRAINT recovery_problems_workspace_id_touchpoint_id_fkey FOREIGN KEY (workspace_id, touchpoint_id)
          REFERENCES touchpoints (workspace_id, id) ON DELETE SET NULL (touchpoint_id)
      )`);
    // One problem per cluster and per churn reason: marking it fixed twice finds the same row.
    await db.query(
      `CREATE UNIQUE INDEX recovery_problems_cluster_key ON recovery_problems (workspace_id, cluster_id) WHERE cluster_id IS NOT NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX recovery_problems_reason_key ON recovery_problems (workspace_id, churn_reason_key) WHERE churn_reason_key IS NOT NULL`,
    );
    await db.query(`CREATE INDEX recovery_problems_list_idx ON recovery_problems (workspace_id, status, created_at)`);

    await db.query(`
      CREATE TABLE recovery_problem_cases (
        workspace_id  uuid NOT NULL CONSTRAINT recovery_problem_cases_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        case_id       uuid NOT NULL,
        problem_id    uuid NOT NULL,
        linked_by     uuid CONSTRAINT recovery_problem_cases_linked_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        linked_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recovery_problem_cases_pkey PRIMARY KEY (workspace_id, case_id),
        CONSTRAINT recovery_problem_cases_workspace_id_case_id_fkey FOREIGN KEY (workspace_id, case_id)
          REFERENCES cases (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT recovery_problem_cases_workspace_id_problem_id_fkey FOREIGN KEY (workspace_id, problem_id)
          REFERENCES recovery_problems (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX recovery_problem_cases_problem_idx ON recovery_problem_cases (workspace_id, problem_id)`);

    await db.query(`
      CREATE TABLE recovery_customers (
        workspace_id          uuid NOT NULL CONSTRAINT recovery_customers_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        problem_id            uuid NOT NULL,
        customer_external_id  varchar(200) NOT NULL,
        why                   text[] NOT NULL CONSTRAINT recovery_customers_why_check
          CHECK (cardinality(why) > 0 AND why <@ ARRAY['text', 'cancellation', 'case']::text[]),
        notified_at           timestamptz,
        message_id            uuid,
        skip_reason           varchar(16) CONSTRAINT recovery_customers_skip_reason_check CHECK (skip_reason IN ('no_address')),
        answered_at           timestamptz,
        returned_at           timestamptz,
        return_kind           varchar(16) CONSTRAINT recovery_customers_return_kind_check
          CHECK (return_kind IN ('order', 'payment', 'activity', 'resumed', 'manual')),
        return_marked_by      uuid CONSTRAINT recovery_customers_return_marked_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        revenue_recovered     numeric(14,2) CONSTRAINT recovery_customers_revenue_recovered_check CHECK (revenue_recovered >= 0),
        currency              varchar(3) CONSTRAINT recovery_customers_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recovery_customers_pkey PRIMARY KEY (workspace_id, problem_id, customer_external_id),
        CONSTRAINT recovery_customers_return_check CHECK ((returned_at IS NULL) = (return_kind IS NULL)),
        CONSTRAINT recovery_customers_amount_check CHECK ((revenue_recovered IS NULL) = (currency IS NULL)),
        CONSTRAINT recovery_customers_workspace_id_problem_id_fkey FOREIGN KEY (workspace_id, problem_id)
          REFERENCES recovery_problems (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT recovery_customers_customer_fkey FOREIGN KEY (workspace_id, customer_external_id)
          REFERENCES customers (workspace_id, external_id) ON DELETE CASCADE,
        CONSTRAINT recovery_customers_workspace_id_message_id_fkey FOREIGN KEY (workspace_id, message_id)
          REFERENCES messages (workspace_id, id) ON DELETE SET NULL (message_id)
      )`);
    // The customer's timeline and the tracking job's scan of notified customers not yet answered or returned.
    await db.query(`CREATE INDEX recovery_customers_customer_idx ON recovery_customers (workspace_id, customer_external_id)`);
    await db.query(
      `CREATE INDEX recovery_customers_open_idx ON recovery_customers (workspace_id, problem_id) WHERE notified_at IS NOT NULL AND (returned_at IS NULL OR answered_at IS NULL)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE recovery_customers, recovery_problem_cases, recovery_problems`);
  }
}
