import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURES = `('first_response_minutes', 'resolution_days', 'reopened_percent', 'sla_breach_percent', 'csat_mean', 'nps', 'ces_mean', 'negative_mentions_percent', 'case_count', 'checklist_percent')`;

/**
 * The traffic-light audit (issue 17): per touchpoint a process, its step scenarios and measurable criteria with the
 * workspace's green and yellow thresholds, and the checklist checks members score by hand (call listening, mystery
 * shopping). Process, step and criterion carry a revision so two people editing the same one cannot silently
 * overwrite each other. Computed values are never stored: the grid computes them from cases, surveys and mentions.
 */
export class ServiceAudit1796810000000 implements MigrationInterface {
  name = 'ServiceAudit1796810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE service_audit_processes (
        workspace_id  uuid NOT NULL CONSTRAINT service_audit_processes_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        touchpoint_id uuid NOT NULL,
        name          varchar(200) NOT NULL,
        position      integer NOT NULL DEFAULT 0,
        revision      integer NOT NULL DEFAULT 1,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_audit_processes_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT service_audit_processes_touchpoint_fkey FOREIGN KEY (workspace_id, touchpoint_id)
          REFERENCES touchpoints (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX service_audit_processes_touchpoint_idx ON service_audit_processes (workspace_id, touchpoint_id)`);

    await db.query(`
      CREATE TABLE service_audit_steps (
        workspace_id  uuid NOT NULL CONSTRAINT service_audit_steps_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        process_id    uuid NOT NULL,
        name          varchar(200) NOT NULL,
        position      integer NOT NULL DEFAULT 0,
        revision      integer NOT NULL DEFAULT 1,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_audit_steps_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT service_audit_steps_process_fkey FOREIGN KEY (workspace_id, process_id)
          REFERENCES service_audit_processes (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX service_audit_steps_process_idx ON service_audit_steps (workspace_id, process_id)`);

    await db.query(`
      CREATE TABLE service_audit_criteria (
        workspace_id    uuid NOT NULL CONSTRAINT service_audit_criteria_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id              uuid NOT NULL DEFAULT gen_random_uuid(),
        step_id         uuid NOT NULL,
        name            varchar(200) NOT NULL,
        measure         varchar(32) NOT NULL CONSTRAINT service_audit_criteria_measure_check CHECK (measure IN ${MEASURES}),
        unit            varchar(16) NOT NULL,
        direction       varchar(16) NOT NULL
          CONSTRAINT service_audit_criteria_direction_check CHECK (direction IN ('higher_better', 'lower_better')),
        green           numeric(12,2) NOT NULL,
        yellow          numeric(12,2) NOT NULL,
        checklist_items jsonb NOT NULL DEFAULT '[]',
        position        integer NOT NULL DEFAULT 0,
        revision        integer NOT NULL DEFAULT 1,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_audit_criteria_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT service_audit_criteria_step_fkey FOREIGN KEY (workspace_id, step_id)
          REFERENCES service_audit_steps (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT service_audit_criteria_thresholds_check
          CHECK ((direction = 'lower_better' AND green <= yellow) OR (direction = 'higher_better' AND green >= yellow))
      )`);
    await db.query(`CREATE INDEX service_audit_criteria_step_idx ON service_audit_criteria (workspace_id, step_id)`);

    await db.query(`
      CREATE TABLE service_audit_checks (
        workspace_id  uuid NOT NULL CONSTRAINT service_audit_checks_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        criterion_id  uuid NOT NULL,
        touchpoint_id uuid NOT NULL,
        month         date NOT NULL CONSTRAINT service_audit_checks_month_check CHECK (extract(day FROM month) = 1),
        scored_by     uuid CONSTRAINT service_audit_checks_scored_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        scored_at     timestamptz NOT NULL DEFAULT now(),
        items         jsonb NOT NULL,
        passed        integer NOT NULL CONSTRAINT service_audit_checks_passed_check CHECK (passed >= 0),
        failed        integer NOT NULL CONSTRAINT service_audit_checks_failed_check CHECK (failed >= 0),
        note          varchar(1000),
        CONSTRAINT service_audit_checks_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT service_audit_checks_items_check CHECK (passed + failed > 0),
        CONSTRAINT service_audit_checks_criterion_fkey FOREIGN KEY (workspace_id, criterion_id)
          REFERENCES service_audit_criteria (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT service_audit_checks_touchpoint_fkey FOREIGN KEY (workspace_id, touchpoint_id)
          REFERENCES touchpoints (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX service_audit_checks_month_idx ON service_audit_checks (workspace_id, criterion_id, month)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE service_audit_checks`);
    await db.query(`DROP TABLE service_audit_criteria`);
    await db.query(`DROP TABLE service_audit_steps`);
    await db.query(`DROP TABLE service_audit_processes`);
  }
}
