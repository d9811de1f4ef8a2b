import type { MigrationInterface, QueryRunner } from 'typeorm';

const SKIP_REASONS = `('no_email', 'invalid', 'suppressed', 'address_bounced', 'consent_withdrawn', 'contacted_recently', 'open_complaint', 'recent_cancellation', 'recent_sla_breach')`;

/**
 * Email survey invitations (issue 18): a send invites an audience (a segment, a pasted list, or customers reaching an
 * event while the send stays active) to answer a survey by email, with at most one reminder. Each recipient is a row
 * with its own opaque token (the score links, the link page and the unsubscribe link carry it) and the trail of what
 * happened to it; a recipient that was not invited says why. The messages themselves live in the messaging outbox.
 */
export class SurveyInvitations1796920000000 implements MigrationInterface {
  name = 'SurveyInvitations1796920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_sends (
        workspace_id          uuid NOT NULL CONSTRAINT survey_sends_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        survey_id             uuid NOT NULL,
        channel               varchar(16) NOT NULL DEFAULT 'email' CONSTRAINT survey_sends_channel_check CHECK (channel IN ('email')),
        audience              varchar(16) NOT NULL CONSTRAINT survey_sends_audience_check CHECK (audience IN ('segment', 'list', 'event')),
        segment_id            uuid,
        segment_name          varchar(120),
        event_kind            varchar(16) CONSTRAINT survey_sends_event_kind_check CHECK (event_kind IN ('activity', 'signup', 'case_closed')),
        event_name            varchar(100),
        delay_days            integer NOT NULL DEFAULT 0 CONSTRAINT survey_sends_delay_days_check CHECK (delay_days BETWEEN 0 AND 365),
        language              varchar(16),
        reminder_days         integer NOT NULL DEFAULT 0 CONSTRAINT survey_sends_reminder_days_check CHECK (reminder_days BETWEEN 0 AND 30),
        status                varchar(16) NOT NULL DEFAULT 'scheduled'
          CONSTRAINT survey_sends_status_check CHECK (status IN ('scheduled', 'sending', 'sent', 'active', 'stopped')),
        scheduled_at          timestamptz NOT NULL DEFAULT now(),
        watermark             timestamptz,
        recipients_total      integer NOT NULL DEFAULT 0,
        recipients_processed  integer NOT NULL DEFAULT 0,
        created_by            uuid CONSTRAINT survey_sends_created_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        created_at            timestamptz NOT NULL DEFAULT now(),
        started_at            timestamptz,
        finished_at           timestamptz,
        CONSTRAINT survey_sends_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT survey_sends_survey_fkey FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX survey_sends_survey_idx ON survey_sends (workspace_id, survey_id, created_at)`);
    await db.query(`CREATE INDEX survey_sends_due_idx ON survey_sends (status, scheduled_at)`);

    await db.query(`
      CREATE TABLE survey_send_recipients (
        workspace_id          uuid NOT NULL CONSTRAINT survey_send_recipients_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        send_id               uuid NOT NULL,
        survey_id             uuid NOT NULL,
        customer_external_id  varchar(200),
        address               varchar(254),
        language              varchar(16) NOT NULL,
        token                 varchar(64) NOT NULL,
        status                varchar(16) NOT NULL DEFAULT 'pending'
          CONSTRAINT survey_send_recipients_status_check CHECK (status IN ('pending', 'invited', 'skipped')),
        skip_reason           varchar(32) CONSTRAINT survey_send_recipients_skip_reason_check CHECK (skip_reason IN ${SKIP_REASONS}),
        message_id            uuid,
        reminder_message_id   uuid,
        invited_at            timestamptz,
        reminder_due_at       timestamptz,
        reminded_at           timestamptz,
        opened_at             timestamptz,
        answered_at           timestamptz,
        score                 smallint,
        response_id           uuid,
        unsubscribed_at       timestamptz,
        created_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_send_recipients_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT survey_send_recipients_token_key UNIQUE (token),
        CONSTRAINT survey_send_recipients_send_fkey FOREIGN KEY (workspace_id, send_id) REFERENCES survey_sends (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT survey_send_recipients_customer_fkey FOREIGN KEY (workspace_id, customer_external_id)
          REFERENCES customers (workspace_id, external_id) ON DELETE CASCADE
      )`);
    // One invitation per customer per send: an event send that sees the same customer twice invites once.
    await db.query(
      `CREATE UNIQUE INDEX survey_send_recipients_customer_key ON survey_send_recipients (workspace_id, send_id, customer_external_id)`,
    );
    await db.query(`CREATE INDEX survey_send_recipients_send_idx ON survey_send_recipients (workspace_id, send_id, status)`);
    // The reminder job's probe: only recipients still waiting for their one reminder.
    await db.query(
      `CREATE INDEX survey_send_recipients_reminder_due_idx ON survey_send_recipients (reminder_due_at)
         WHERE reminder_due_at IS NOT NULL AND reminded_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE survey_send_recipients`);
    await db.query(`DROP TABLE survey_sends`);
  }
}
