import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Touchpoints of the customer journey, each with an owner, a backup owner, a written regulation and an
 * SLA policy; SLA policies hold targets per priority and channel and the business calendar they count in.
 * Surveys keep their touchpoint by name (touchpoint_name) until they are linked by id.
 */
export class Touchpoints1796178250679 implements MigrationInterface {
  name = 'Touchpoints1796178250679';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sla_policies (
        workspace_id   uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        name           varchar(200) NOT NULL,
        is_default     boolean NOT NULL DEFAULT false,
        clock          varchar(16) NOT NULL DEFAULT 'business' CHECK (clock IN ('business', 'calendar')),
        rules          jsonb NOT NULL,
        calendar       jsonb NOT NULL,
        warn_at_share  real NOT NULL DEFAULT 0.8,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, name)
      )`);
    await db.query(`CREATE UNIQUE INDEX sla_policies_one_default ON sla_policies (workspace_id) WHERE is_default`);
    await db.query(`
      CREATE TABLE touchpoints (
        workspace_id     uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id               uuid NOT NULL DEFAULT gen_random_uuid(),
        name             varchar(200) NOT NULL,
        stage            varchar(16) NOT NULL CHECK (stage IN ('aware', 'considering', 'buying', 'repeat', 'left')),
        kind             varchar(16) NOT NULL DEFAULT 'business' CHECK (kind IN ('business', 'employee')),
        category         varchar(100),
        channel          varchar(16) NOT NULL DEFAULT 'other',
        owner_id         uuid REFERENCES users(id) ON DELETE SET NULL,
        backup_owner_id  uuid REFERENCES users(id) ON DELETE SET NULL,
        team_ids         uuid[] NOT NULL DEFAULT '{}',
        regulation       text NOT NULL DEFAULT '',
        sla_policy_id    uuid,
        position         integer NOT NULL DEFAULT 0,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, name),
        FOREIGN KEY (workspace_id, sla_policy_id) REFERENCES sla_policies (workspace_id, id) ON DELETE SET NULL (sla_policy_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE touchpoints, sla_policies`);
  }
}
