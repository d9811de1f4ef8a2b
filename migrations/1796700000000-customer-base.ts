import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLOUR_STATUSES = `('white', 'grey', 'green', 'yellow', 'green_gold', 'gold', 'platinum', 'red_green', 'red_gold', 'red_platinum')`;
const RFM_GROUPS = `('champions', 'loyal', 'potential', 'new', 'at_risk', 'cant_lose', 'hibernating', 'lost')`;
const WARNING_RULES = `('rhythm_break', 'payments_stopped', 'usage_drop', 'rfm_at_risk')`;

/**
 * The customer base as CX teams run it (issue 16): the colour funnel with its history, first-class territory and
 * industry, offers answered, purchases, an account manager, RFM scores, behaviour (activity events), saved segments
 * and early warnings. Statuses are derived by rules each workspace can edit, or set by hand with who and why; every
 * change of a customer's status is a row, so months and moves can be counted later.
 */
export class CustomerBase1796700000000 implements MigrationInterface {
  name = 'CustomerBase1796700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE customers
        ADD COLUMN colour_status          varchar(16) NOT NULL DEFAULT 'white'
          CONSTRAINT customers_colour_status_check CHECK (colour_status IN ${COLOUR_STATUSES}),
        ADD COLUMN status_override        varchar(16)
          CONSTRAINT customers_status_override_check CHECK (status_override IN ${COLOUR_STATUSES}),
        ADD COLUMN status_override_by     uuid CONSTRAINT customers_status_override_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN status_override_reason varchar(500),
        ADD COLUMN status_override_at     timestamptz,
        ADD COLUMN is_organisation        boolean NOT NULL DEFAULT false,
        ADD COLUMN decision_maker         varchar(200),
        ADD COLUMN offer_response         varchar(16)
          CONSTRAINT customers_offer_response_check CHECK (offer_response IN ('interested', 'requested', 'declined')),
        ADD COLUMN offer_response_at      timestamptz,
        ADD COLUMN country                varchar(100),
        ADD COLUMN region                 varchar(100),
        ADD COLUMN city                   varchar(100),
        ADD COLUMN industry               varchar(100),
        ADD COLUMN purchase_volume        numeric(14,2) NOT NULL DEFAULT 0 CONSTRAINT customers_purchase_volume_check CHECK (purchase_volume >= 0),
        ADD COLUMN last_order_at          timestamptz,
        ADD COLUMN stopped_at             timestamptz,
        ADD COLUMN account_manager_id     uuid CONSTRAINT customers_account_manager_id_fkey REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN rfm_recency            smallint CONSTRAINT customers_rfm_recency_check CHECK (rfm_recency BETWEEN 1 AND 5),
        ADD COLUMN rfm_frequency          smallint CONSTRAINT customers_rfm_frequency_check CHECK (rfm_frequency BETWEEN 1 AND 5),
        ADD COLUMN rfm_monetary           smallint CONSTRAINT customers_rfm_monetary_check CHECK (rfm_monetary BETWEEN 1 AND 5),
        ADD COLUMN rfm_group              varchar(16) CONSTRAINT customers_rfm_group_check CHECK (rfm_group IN ${RFM_GROUPS}),
        ADD COLUMN rfm_scored_at          timestamptz`);
    await db.query(`CREATE INDEX customers_colour_status_idx ON customers (workspace_id, colour_status)`);
    await db.query(`CREATE INDEX customers_account_manager_idx ON customers (workspace_id, account_manager_id)`);
    await db.query(`CREATE INDEX customers_rfm_group_idx ON customers (workspace_id, rfm_group)`);

    await db.query(`
      CREATE TABLE customer_status_changes (
        workspace_id          uuid NOT NULL CONSTRAINT customer_status_changes_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        customer_external_id  varchar(200) NOT NULL,
        from_status           varchar(16) CONSTRAINT customer_status_changes_from_status_check CHECK (from_status IN ${COLOUR_STATUSES}),
        to_status             varchar(16) NOT NULL CONSTRAINT customer_status_changes_to_status_check CHECK (to_status IN ${COLOUR_STATUSES}),
        changed_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
        cause                 varchar(16) NOT NULL CONSTRAINT customer_status_changes_cause_check CHECK (cause IN ('rules', 'override', 'override_cleared')),
        detail                varchar(500),
        actor_id              uuid CONSTRAINT customer_status_changes_actor_id_fkey REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT customer_status_changes_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT customer_status_changes_customer_fkey FOREIGN KEY (workspace_id, customer_external_id)
          REFERENCES customers (workspace_id, external_id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX customer_status_changes_period_idx ON customer_status_changes (workspace_id, changed_at)`);
    await db.query(
      `CREATE INDEX customer_status_changes_customer_idx ON customer_status_changes (workspace_id, customer_external_id, changed_at)`,
    );

    await db.query(`
      CREATE TABLE customer_status_rules (
        workspace_id          uuid NOT NULL CONSTRAINT customer_status_rules_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        platinum_orders       integer NOT NULL DEFAULT 3 CONSTRAINT customer_status_rules_platinum_orders_check CHECK (platinum_orders BETWEEN 2 AND 1000),
        long_cooperation_days integer NOT NULL DEFAULT 365
          CONSTRAINT customer_status_rules_long_cooperation_days_check CHECK (long_cooperation_days BETWEEN 1 AND 3650),
        stopped_after_days    integer NOT NULL DEFAULT 90 CONSTRAINT customer_status_rules_stopped_after_days_check CHECK (stopped_after_days BETWEEN 1 AND 3650),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        updated_by            uuid CONSTRAINT customer_status_rules_updated_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT customer_status_rules_pkey PRIMARY KEY (workspace_id)
      )`);

    await db.query(`
      CREATE TABLE customer_activity (
        workspace_id          uuid NOT NULL CONSTRAINT customer_activity_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        customer_external_id  varchar(200) NOT NULL,
        event_id              varchar(200) NOT NULL,
        kind                  varchar(16) NOT NULL CONSTRAINT customer_activity_kind_check CHECK (kind IN ('order', 'payment', 'login', 'event')),
        name                  varchar(100),
        amount                numeric(14,2) CONSTRAINT customer_activity_amount_check CHECK (amount >= 0),
        currency              varchar(3),
        occurred_at           timestamptz NOT NULL,
        received_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT customer_activity_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT customer_activity_event_key UNIQUE (workspace_id, event_id),
        CONSTRAINT customer_activity_customer_fkey FOREIGN KEY (workspace_id, customer_external_id)
          REFERENCES customers (workspace_id, external_id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX customer_activity_customer_idx ON customer_activity (workspace_id, customer_external_id, kind, occurred_at)`,
    );
    await db.query(`CREATE INDEX customer_activity_period_idx ON customer_activity (workspace_id, occurred_at)`);

    await db.query(`
      CREATE TABLE segments (
        workspace_id  uuid NOT NULL CONSTRAINT segments_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        name          varchar(120) NOT NULL,
        rules         jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_by    uuid CONSTRAINT segments_created_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT segments_pkey PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX segments_name_key ON segments (workspace_id, lower(name))`);

    await db.query(`
      CREATE TABLE early_warning_rules (
        workspace_id          uuid NOT NULL CONSTRAINT early_warning_rules_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        rhythm_enabled        boolean NOT NULL DEFAULT true,
        rhythm_factor         numeric(4,2) NOT NULL DEFAULT 2 CONSTRAINT early_warning_rules_rhythm_factor_check CHECK (rhythm_factor BETWEEN 1 AND 20),
        rhythm_min_orders     integer NOT NULL DEFAULT 3 CONSTRAINT early_warning_rules_rhythm_min_orders_check CHECK (rhythm_min_orders BETWEEN 2 AND 100),
        payments_enabled      boolean NOT NULL DEFAULT true,
        payment_grace_days    integer NOT NULL DEFAULT 7 CONSTRAINT early_warning_rules_payment_grace_days_check CHECK (payment_grace_days BETWEEN 0 AND 365),
        usage_enabled         boolean NOT NULL DEFAULT true,
        usage_event           varchar(100) NOT NULL DEFAULT 'login',
        usage_drop_percent    integer NOT NULL DEFAULT 50 CONSTRAINT early_warning_rules_usage_drop_percent_check CHECK (usage_drop_percent BETWEEN 1 AND 100),
        usage_min_events      integer NOT NULL DEFAULT 4 CONSTRAINT early_warning_rules_usage_min_events_check CHECK (usage_min_events BETWEEN 1 AND 10000),
        rfm_enabled           boolean NOT NULL DEFAULT true,
        rfm_groups            text[] NOT NULL DEFAULT '{at_risk,cant_lose}',
        touchpoint_id         uuid,
        survey_moment         varchar(64) CONSTRAINT early_warning_rules_survey_moment_check CHECK (survey_moment ~ '^[a-z0-9_.-]{1,64}$'),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        updated_by            uuid CONSTRAINT early_warning_rules_updated_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT early_warning_rules_pkey PRIMARY KEY (workspace_id),
        CONSTRAINT early_warning_rules_touchpoint_fkey FOREIGN KEY (workspace_id, touchpoint_id)
          REFERENCES touchpoints (workspace_id, id) ON DELETE SET NULL (touchpoint_id)
      )`);

    await db.query(`
      CREATE TABLE customer_warnings (
        workspace_id          uuid NOT NULL CONSTRAINT customer_warnings_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        customer_external_id  varchar(200) NOT NULL,
        rule                  varchar(24) NOT NULL CONSTRAINT customer_warnings_rule_check CHECK (rule IN ${WARNING_RULES}),
        detail                jsonb NOT NULL DEFAULT '{}'::jsonb,
        raised_at             timestamptz NOT NULL DEFAULT now(),
        case_id               uuid,
        cleared_at            timestamptz,
        CONSTRAINT customer_warnings_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT customer_warnings_customer_fkey FOREIGN KEY (workspace_id, customer_external_id)
          REFERENCES customers (workspace_id, external_id) ON DELETE CASCADE
      )`);
    // One open warning per customer and rule: two scans racing raise it once.
    await db.query(
      `CREATE UNIQUE INDEX customer_warnings_open_key ON customer_warnings (workspace_id, customer_external_id, rule) WHERE cleared_at IS NULL`,
    );
    await db.query(`CREATE INDEX customer_warnings_period_idx ON customer_warnings (workspace_id, raised_at)`);

    // An early warning opens an "at risk" case for the customer's account manager.
    await db.query(`ALTER TABLE cases DROP CONSTRAINT cases_source_check`);
    await db.query(
      `ALTER TABLE cases ADD CONSTRAINT cases_source_check CHECK (source IN ('response', 'cancellation', 'mention', 'cluster', 'manual', 'api', 'warning'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM cases WHERE source = 'warning'`);
    await db.query(`ALTER TABLE cases DROP CONSTRAINT cases_source_check`);
    await db.query(
      `ALTER TABLE cases ADD CONSTRAINT cases_source_check CHECK (source IN ('response', 'cancellation', 'mention', 'cluster', 'manual', 'api'))`,
    );
    await db.query(
      `DROP TABLE customer_warnings, early_warning_rules, segments, customer_activity, customer_status_rules, customer_status_changes`,
    );
    await db.query(`
      ALTER TABLE customers
        DROP COLUMN colour_status, DROP COLUMN status_override, DROP COLUMN status_override_by, DROP COLUMN status_override_reason,
        DROP COLUMN status_override_at, DROP COLUMN is_organisation, DROP COLUMN decision_maker, DROP COLUMN offer_response,
        DROP COLUMN offer_response_at, DROP COLUMN country, DROP COLUMN region, DROP COLUMN city, DROP COLUMN industry,
        DROP COLUMN purchase_volume, DROP COLUMN last_order_at, DROP COLUMN stopped_at, DROP COLUMN account_manager_id,
        DROP COLUMN rfm_recency, DROP COLUMN rfm_frequency, DROP COLUMN rfm_monetary, DROP COLUMN rfm_group, DROP COLUMN rfm_scored_at`);
  }
}
