import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The promise register (issue 17): commitments made to a customer ("we'll call you back tomorrow", "refund within 5
 * days") and improvement steps from the traffic-light audit, each with who promised, who must keep it, the due time
 * on the SLA clock, a reminder before it and an escalation after it. Reminders and escalations are claimed once
 * through reminded_at / escalated_at (the partial indexes are the job's scans); version makes edits stale-safe.
 */
export class Promises1796800000000 implements MigrationInterface {
  name = 'Promises1796800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE promises (
        workspace_id          uuid NOT NULL CONSTRAINT promises_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        text                  varchar(1000) NOT NULL CONSTRAINT promises_text_check CHECK (length(btrim(text)) > 0),
        promised_by           uuid CONSTRAINT promises_promised_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        owner_id              uuid CONSTRAINT promises_owner_id_fkey REFERENCES users(id) ON DELETE SET NULL,
        customer_external_id  varchar(200),
        case_id               uuid,
        touchpoint_id         uuid,
        source                varchar(16) NOT NULL
          CONSTRAINT promises_source_check CHECK (source IN ('case_reply', 'manual', 'audit', 'api')),
        source_ref            jsonb NOT NULL DEFAULT '{}'::jsonb,
        due_at                timestamptz NOT NULL,
        remind_at             timestamptz,
        reminded_at           timestamptz,
        escalated_at          timestamptz,
        escalated_to          uuid CONSTRAINT promises_escalated_to_fkey REFERENCES users(id) ON DELETE SET NULL,
        status                varchar(16) NOT NULL DEFAULT 'open'
          CONSTRAINT promises_status_check CHECK (status IN ('open', 'kept', 'broken', 'cancelled')),
        kept_at               timestamptz,
        broken_at             timestamptz,
        cancelled_at          timestamptz,
        resolved_by           uuid CONSTRAINT promises_resolved_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        resolution_note       varchar(1000),
        version               integer NOT NULL DEFAULT 1,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT promises_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT promises_target_check CHECK (source = 'audit' OR customer_external_id IS NOT NULL OR case_id IS NOT NULL),
        CONSTRAINT promises_outcome_check CHECK (
          (status = 'kept') = (kept_at IS NOT NULL) AND (status = 'broken') = (broken_at IS NOT NULL)
          AND (status = 'cancelled') = (cancelled_at IS NOT NULL)),
        CONSTRAINT promises_workspace_id_case_id_fkey FOREIGN KEY (workspace_id, case_id)
          REFERENCES cases (workspace_id, id) ON DELETE SET NULL (case_id),
        CONSTRAINT promises_workspace_id_touchpoint_id_fkey FOREIGN KEY (workspace_id, touchpoint_id)
          REFERENCES touchpoints (workspace_id, id) ON DELETE SET NULL (touchpoint_id)
      )`);
    await db.query(`CREATE INDEX promises_created_idx ON promises (workspace_id, created_at)`);
    await db.query(`CREATE INDEX promises_owner_idx ON promises (workspace_id, owner_id, status)`);
    await db.query(`CREATE INDEX promises_case_idx ON promises (workspace_id, case_id) WHERE case_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX promises_customer_idx ON promises (workspace_id, customer_external_id, created_at) WHERE customer_external_id IS NOT NULL`,
    );
    // The job's two scans across workspaces: reminders not yet sent, overdue promises not yet escalated.
    await db.query(`CREATE INDEX promises_remind_idx ON promises (remind_at) WHERE status = 'open' AND reminded_at IS NULL`);
    await db.query(`CREATE INDEX promises_due_idx ON promises (due_at) WHERE status = 'open' AND escalated_at IS NULL`);
    await db.query(`CREATE INDEX promises_audit_idx ON promises (workspace_id, (source_ref->>'auditCriterionId')) WHERE source = 'audit'`);
    // One click on a case reply makes one promise, however often it is clicked.
    await db.query(
      `CREATE UNIQUE INDEX promises_case_reply_key ON promises (workspace_id, (source_ref->>'caseEventId')) WHERE source = 'case_reply'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE promises`);
  }
}
