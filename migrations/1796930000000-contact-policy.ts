import type { MigrationInterface, QueryRunner } from 'typeorm';

const CONTACT_CHANNELS = `('widget', 'link', 'email', 'sms', 'telegram', 'whatsapp')`;

/**
 * One contact policy (issue 18): a workspace's contact frequency ("ask a customer at most once per N days across all
 * surveys and channels") and its communication guard (no marketing or surveys during an open complaint, or for N days
 * after a cancellation or a breached SLA). Every survey ask of a known customer is logged so "last asked" is one index
 * read; the guard's current state per customer is kept so its started/ended webhooks go once per transition.
 */
export class ContactPolicy1796930000000 implements MigrationInterface {
  name = 'ContactPolicy1796930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE contact_policy_settings (
        workspace_id          uuid NOT NULL CONSTRAINT contact_policy_settings_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        frequency_days        integer NOT NULL DEFAULT 30
          CONSTRAINT contact_policy_settings_frequency_days_check CHECK (frequency_days BETWEEN 0 AND 365),
        guard_enabled         boolean NOT NULL DEFAULT true,
        guard_open_complaints boolean NOT NULL DEFAULT true,
        cancellation_days     integer NOT NULL DEFAULT 30
          CONSTRAINT contact_policy_settings_cancellation_days_check CHECK (cancellation_days BETWEEN 0 AND 365),
        sla_breach_days       integer NOT NULL DEFAULT 14
          CONSTRAINT contact_policy_settings_sla_breach_days_check CHECK (sla_breach_days BETWEEN 0 AND 365),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        updated_by            uuid CONSTRAINT contact_policy_settings_updated_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT contact_policy_settings_pkey PRIMARY KEY (workspace_id)
      )`);

    await db.query(`
      CREATE TABLE customer_survey_contacts (
        workspace_id          uuid NOT NULL CONSTRAINT customer_survey_contacts_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        customer_external_id  varchar(200) NOT NULL,
        survey_id             uuid NOT NULL,
        channel               varchar(16) NOT NULL CONSTRAINT customer_survey_contacts_channel_check CHECK (channel IN ${CONTACT_CHANNELS}),
        contacted_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT customer_survey_contacts_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT customer_survey_contacts_survey_fkey FOREIGN KEY (workspace_id, survey_id)
          REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
      )`);
    // "When was this customer last asked": one backward index scan.
    await db.query(
      `CREATE INDEX customer_survey_contacts_last_idx ON customer_survey_contacts (workspace_id, customer_external_id, contacted_at)`,
    );

    await db.query(`
      CREATE TABLE customer_guards (
        workspace_id          uuid NOT NULL CONSTRAINT customer_guards_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        customer_external_id  varchar(200) NOT NULL,
        reasons               jsonb NOT NULL DEFAULT '[]',
        started_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT customer_guards_pkey PRIMARY KEY (workspace_id, customer_external_id)
      )`);

    await db.query(`ALTER TABLE surveys ADD COLUMN contact_policy_exempt boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE surveys DROP COLUMN contact_policy_exempt`);
    await db.query(`DROP TABLE customer_guards, customer_survey_contacts, contact_policy_settings`);
  }
}
