import type { MigrationInterface, QueryRunner } from 'typeorm';

const PERIODS = `('month', 'quarter', 'year')`;
const ROLES = `('admin', 'analyst', 'owner', 'viewer')`;

/**
 * Compensation within a budget (issue 19): what each member may give customers per period without asking (set per
 * role, or per member overriding the role), and the grants made on cases. A grant within the granter's remaining
 * budget is approved at once (within_budget); above it, in another currency or without a budget it waits for an
 * admin. Grants keep their case's customer and touchpoint, and stay when the case is deleted (they are money).
 */
export class Compensation1796960000000 implements MigrationInterface {
  name = 'Compensation1796960000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE compensation_budgets (
        workspace_id  uuid NOT NULL CONSTRAINT compensation_budgets_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        scope         varchar(8) NOT NULL CONSTRAINT compensation_budgets_scope_check CHECK (scope IN ('role', 'member')),
        role          varchar(16) CONSTRAINT compensation_budgets_role_check CHECK (role IN ${ROLES}),
        user_id       uuid CONSTRAINT compensation_budgets_user_id_fkey REFERENCES users(id) ON DELETE CASCADE,
        amount        numeric(14,2) NOT NULL CONSTRAINT compensation_budgets_amount_check CHECK (amount >= 0),
        currency      char(3) NOT NULL CONSTRAINT compensation_budgets_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
        period        varchar(8) NOT NULL CONSTRAINT compensation_budgets_period_check CHECK (period IN ${PERIODS}),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        updated_by    uuid CONSTRAINT compensation_budgets_updated_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT compensation_budgets_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT compensation_budgets_target_check CHECK ((scope = 'role') = (role IS NOT NULL) AND (scope = 'member') = (user_id IS NOT NULL))
      )`);
    // One budget per role and one per member.
    await db.query(`CREATE UNIQUE INDEX compensation_budgets_role_key ON compensation_budgets (workspace_id, role) WHERE scope = 'role'`);
    await db.query(
      `CREATE UNIQUE INDEX compensation_budgets_member_key ON compensation_budgets (workspace_id, user_id) WHERE scope = 'member'`,
    );

    await db.query(`
      CREATE TABLE compensation_grants (
        workspace_id          uuid NOT NULL CONSTRAINT compensation_grants_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id               uuid,
        customer_external_id  varchar(200),
        touchpoint_id         uuid,
        granted_by            uuid CONSTRAINT compensation_grants_granted_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        kind                  varchar(16) NOT NULL
          CONSTRAINT compensation_grants_kind_check CHECK (kind IN ('refund', 'discount', 'bonus', 'gift', 'free_service')),
        amount                numeric(14,2) NOT NULL CONSTRAINT compensation_grants_amount_check CHECK (amount > 0),
        currency              char(3) NOT NULL CONSTRAINT compensation_grants_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
        reason                varchar(1000) NOT NULL CONSTRAINT compensation_grants_reason_check CHECK (length(btrim(reason)) > 0),
        status                varchar(16) NOT NULL
          CONSTRAINT compensation_grants_status_check CHECK (status IN ('approved', 'pending', 'rejected')),
        within_budget         boolean NOT NULL DEFAULT false,
        decided_by            uuid CONSTRAINT compensation_grants_decided_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        decided_at            timestamptz,
        decision_note         varchar(1000),
        period_start          date NOT NULL,
        period_end            date NOT NULL,
        idempotency_key       varchar(200),
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT compensation_grants_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT compensation_grants_decision_check CHECK ((status = 'pending') = (decided_at IS NULL)),
        CONSTRAINT compensation_grants_budget_check CHECK (NOT within_budget OR status = 'approved'),
        CONSTRAINT compensation_grants_period_check CHECK (period_end > period_start),
        CONSTRAINT compensation_grants_workspace_id_case_id_fkey FOREIGN KEY (workspace_id, case_id)
          REFERENCES cases (workspace_id, id) ON DELETE SET NULL (case_id),
        CONSTRAINT compensation_grants_workspace_id_touchpoint_id_fkey FOREIGN KEY (workspace_id, touchpoint_id)
          REFERENCES touchpoints (workspace_id, id) ON DELETE SET NULL (touchpoint_id)
      )`);
    // The budget check sums a granter's approved grants of the period; the approvals queue; the report by time.
    await db.query(`CREATE INDEX compensation_grants_granter_idx ON compensation_grants (workspace_id, granted_by, period_start)`);
    await db.query(`CREATE INDEX compensation_grants_status_idx ON compensation_grants (workspace_id, status, created_at)`);
    await db.query(`CREATE INDEX compensation_grants_created_idx ON compensation_grants (workspace_id, created_at)`);
    await db.query(`CREATE INDEX compensation_grants_case_idx ON compensation_grants (workspace_id, case_id) WHERE case_id IS NOT NULL`);
    // A retried request with the same key makes one grant.
    await db.query(
      `CREATE UNIQUE INDEX compensation_grants_idempotency_key ON compensation_grants (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE compensation_grants, compensation_budgets`);
  }
}
