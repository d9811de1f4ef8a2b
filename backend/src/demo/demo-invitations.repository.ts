import type { DataSource } from 'typeorm';

/** A recipient of a demo send as the seeder moves it into the past. */
export interface DemoRecipient {
  id: string;
  token: string;
  customerExternalId: string | null;
  language: string;
  status: string;
}

/**
 * The demo's invitation history written after the fact: the services send "now", the story's NPS send went out three
 * weeks ago. Moves a send, its recipients, their outbox messages and responses to past times, and keeps story
 * addresses at a reserved domain (RFC 2606) so a demo started with SMTP_URL never mails a real-looking address.
 */
export class DemoInvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async safeAddresses(workspaceId: string, sendId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE survey_send_recipients SET address = split_part(address, '@', 1) || '@example.net'
        WHERE workspace_id = $1 AND send_id = $2 AND address IS NOT NULL`,
      [workspaceId, sendId],
    );
  }

  /** The send is due now (it was made for later, so the job left it alone while its addresses were changed). */
  async dueNow(workspaceId: string, sendId: string): Promise<void> {
    await this.dataSource.query(`UPDATE survey_sends SET scheduled_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, sendId]);
  }

  recipients(workspaceId: string, sendId: string): Promise<DemoRecipient[]> {
    return this.dataSource.query(
      `SELECT id, token, customer_external_id AS "customerExternalId", language, status FROM survey_send_recipients
        WHERE workspace_id = $1 AND send_id = $2 ORDER BY customer_external_id`,
      [workspaceId, sendId],
    );
  }

  /** The send went out at `at`: the send, its recipients and their invitation emails (sent a few minutes later). */
  async sentAt(workspaceId: string, sendId: string, at: Date, reminderDays: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE survey_sends SET created_at = $3::timestamptz, scheduled_at = $3::timestamptz, started_at = $3::timestamptz, finished_at = $3::timestamptz + interval '4 minutes'
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, sendId, at],
    );
    await this.dataSource.query(
      `UPDATE survey_send_recipients SET created_at = $3::timestamptz, invited_at = CASE WHEN status = 'invited' THEN $3::timestamptz + interval '2 minutes' END,
              reminder_due_at = CASE WHEN status = 'invited' AND $4::int > 0 THEN $3::timestamptz + make_interval(days => $4::int) END
        WHERE workspace_id = $1 AND send_id = $2`,
      [workspaceId, sendId, at, reminderDays],
    );
    await this.dataSource.query(
      `UPDATE messages m SET status = 'sent', created_at = r.invited_at, updated_at = r.invited_at, sent_at = r.invited_at + interval '1 minute',
              next_attempt_at = r.invited_at, attempts = 1
         FROM survey_send_recipients r
        WHERE r.workspace_id = $1 AND r.send_id = $2 AND m.workspace_id = r.workspace_id AND m.id = r.message_id`,
      [workspaceId, sendId],
    );
  }

  /** The invitation to this recipient bounced (the address is suppressed by the messaging core separately). */
  async bounced(workspaceId: string, recipientId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE messages m SET status = 'bounced', sent_at = NULL, bounced_at = r.invited_at + interval '3 minutes',
              last_error = '550 5.1.1 mailbox unavailable'
         FROM survey_send_recipients r
        WHERE r.workspace_id = $1 AND r.id = $2 AND m.workspace_id = r.workspace_id AND m.id = r.message_id`,
      [workspaceId, recipientId],
    );
  }

  /** The reminders were sent `at`. */
  async remindedAt(workspaceId: string, sendId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE survey_send_recipients SET reminded_at = $3::timestamptz, reminder_due_at = $3::timestamptz WHERE workspace_id = $1 AND send_id = $2 AND reminded_at IS NOT NULL`,
      [workspaceId, sendId, at],
    );
    await this.dataSource.query(
      `UPDATE messages m SET status = 'sent', created_at = $3::timestamptz, updated_at = $3::timestamptz, sent_at = $3::timestamptz + interval '1 minute', next_attempt_at = $3::timestamptz, attempts = 1
         FROM survey_send_recipients r
        WHERE r.workspace_id = $1 AND r.send_id = $2 AND m.workspace_id = r.workspace_id AND m.id = r.reminder_message_id`,
      [workspaceId, sendId, at],
    );
  }

  /** The recipient clicked (and answered) at `at`; the response they started is dated then too (finished later). */
  async clickedAt(workspaceId: string, recipientId: string, at: Date, finishedAfterMinutes: number | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE survey_send_recipients SET opened_at = $3::timestamptz, answered_at = $3::timestamptz WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, recipientId, at],
    );
    await this.dataSource.query(
      `UPDATE responses SET created_at = $3::timestamptz, updated_at = $3::timestamptz + make_interval(mins => coalesce($4::int, 0)),
              finished_at = CASE WHEN finished THEN $3::timestamptz + make_interval(mins => coalesce($4::int, 0)) END
        WHERE workspace_id = $1 AND idempotency_key = 'inv-' || $2::text`,
      [workspaceId, recipientId, at, finishedAfterMinutes],
    );
  }

  async unsubscribedAt(workspaceId: string, recipientId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE survey_send_recipients SET unsubscribed_at = $3::timestamptz WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      recipientId,
      at,
    ]);
  }

  /** When these customers were last seen (an answer moves it to now; the story puts it back). */
  lastSeen(workspaceId: string, externalIds: string[]): Promise<{ externalId: string; lastSeenAt: Date }[]> {
    return this.dataSource.query(
      `SELECT external_id AS "externalId", last_seen_at AS "lastSeenAt" FROM customers WHERE workspace_id = $1 AND external_id = ANY($2::varchar[])`,
      [workspaceId, externalIds],
    );
  }

  /** Puts "last seen" back to the story's time, or to the click three weeks ago when that is later. */
  async restoreLastSeen(workspaceId: string, seen: { externalId: string; lastSeenAt: Date }[], clicks: Map<string, Date>): Promise<void> {
    if (seen.length === 0) return;
    const at = seen.map((s) => {
      const click = clicks.get(s.externalId);
      return click && click > new Date(s.lastSeenAt) ? click : new Date(s.lastSeenAt);
    });
    await this.dataSource.query(
      `UPDATE customers c SET last_seen_at = v.at FROM unnest($2::varchar[], $3::timestamptz[]) AS v(id, at)
        WHERE c.workspace_id = $1 AND c.external_id = v.id`,
      [workspaceId, seen.map((s) => s.externalId), at],
    );
  }
}
