import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHANNELS = `('email', 'sms', 'telegram', 'whatsapp', 'public')`;
const PURPOSES = `('service', 'survey', 'marketing')`;
const STATUSES = `('queued', 'held', 'sent', 'delivered', 'bounced', 'failed', 'cancelled', 'received')`;

/**
 * Messages to and from customers (issue 18): one row per outbound message (queued in the sender's transaction, sent
 * by the messaging dispatch job; without SMTP_URL emails wait here, the outbox) and per inbound reply. Addresses that
 * bounced are suppressed per workspace; each workspace has its own from-address, brand colour and inbound secret.
 */
export class Messaging1796900000000 implements MigrationInterface {
  name = 'Messaging1796900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE messages (
        workspace_id            uuid NOT NULL CONSTRAINT messages_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                      uuid NOT NULL DEFAULT gen_random_uuid(),
        direction               varchar(8) NOT NULL CONSTRAINT messages_direction_check CHECK (direction IN ('outbound', 'inbound')),
        channel                 varchar(16) NOT NULL CONSTRAINT messages_channel_check CHECK (channel IN ${CHANNELS}),
        purpose                 varchar(16) NOT NULL DEFAULT 'service' CONSTRAINT messages_purpose_check CHECK (purpose IN ${PURPOSES}),
        status                  varchar(16) NOT NULL CONSTRAINT messages_status_check CHECK (status IN ${STATUSES}),
        to_address              varchar(2048),
        from_address            varchar(500),
        customer_external_id    varchar(200),
        language                varchar(16) NOT NULL DEFAULT 'en',
        subject                 varchar(998),
        text_body               text NOT NULL,
        blocks                  jsonb,
        case_id                 uuid,
        invitation_recipient_id uuid,
        message_id              varchar(998),
        in_reply_to             varchar(998),
        "references"            text[] NOT NULL DEFAULT '{}',
        unsubscribe_url         varchar(2048),
        hold_reasons            jsonb,
        attempts                integer NOT NULL DEFAULT 0,
        next_attempt_at         timestamptz NOT NULL DEFAULT now(),
        last_error              varchar(1000),
        send_after              timestamptz,
        sent_at                 timestamptz,
        delivered_at            timestamptz,
        bounced_at              timestamptz,
        failed_at               timestamptz,
        created_by              uuid CONSTRAINT messages_created_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        created_at              timestamptz NOT NULL DEFAULT now(),
        updated_at              timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT messages_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT messages_outbound_message_id_check CHECK (direction = 'inbound' OR message_id IS NOT NULL)
      )`);
    // The dispatch claims due rows by status and time across all workspaces.
    await db.query(`CREATE INDEX messages_dispatch_idx ON messages (status, next_attempt_at)`);
    await db.query(`CREATE INDEX messages_case_idx ON messages (workspace_id, case_id, created_at) WHERE case_id IS NOT NULL`);
    // Our Message-IDs are unique; an inbound mail's Message-ID is the sender's (a mail copied to two workspaces repeats it).
    await db.query(`CREATE UNIQUE INDEX messages_message_id_key ON messages (message_id) WHERE direction = 'outbound'`);
    await db.query(`CREATE INDEX messages_inbound_message_id_idx ON messages (workspace_id, message_id) WHERE direction = 'inbound'`);
    await db.query(
      `CREATE INDEX messages_invitation_recipient_idx ON messages (workspace_id, invitation_recipient_id) WHERE invitation_recipient_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX messages_list_idx ON messages (workspace_id, created_at, id)`);
    await db.query(`CREATE INDEX messages_customer_idx ON messages (workspace_id, customer_external_id, created_at)`);

    await db.query(`
      CREATE TABLE email_suppressions (
        workspace_id  uuid NOT NULL CONSTRAINT email_suppressions_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        address       varchar(320) NOT NULL CONSTRAINT email_suppressions_address_check CHECK (address = lower(address)),
        reason        varchar(16) NOT NULL CONSTRAINT email_suppressions_reason_check CHECK (reason IN ('bounced', 'complained')),
        detail        varchar(1000),
        message_id    uuid,
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT email_suppressions_pkey PRIMARY KEY (workspace_id, address)
      )`);

    await db.query(`
      CREATE TABLE messaging_settings (
        workspace_id   uuid NOT NULL CONSTRAINT messaging_settings_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        from_name      varchar(100),
        from_address   varchar(254),
        reply_to       varchar(254),
        brand_colour   varchar(7) CONSTRAINT messaging_settings_brand_colour_check CHECK (brand_colour ~ '^#[0-9a-f]{6}$'),
        inbound_secret varchar(100),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        updated_by     uuid CONSTRAINT messaging_settings_updated_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT messaging_settings_pkey PRIMARY KEY (workspace_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE messaging_settings, email_suppressions, messages`);
  }
}
