import type { DataSource } from 'typeorm';

/** An open demo case whose customer speaks `language`, with no conversation yet. */
export interface DemoReplyCase {
  id: string;
  number: number;
  openedAt: Date;
  customerExternalId: string;
  ownerId: string | null;
}

/**
 * The demo's case conversations written after the fact: the services stamp messages and events "now", so the story
 * moves them back to when they happened. Only the demo writes messages this way.
 */
export class DemoRepliesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Open cases of customers speaking `language` (from their feedback, or opened by hand) opened in [from, to), whose
   * description matches one of `topics` (ILIKE patterns; any case when empty), leaving out `except`.
   */
  cases(
    workspaceId: string,
    language: string,
    window: { from: Date; to: Date },
    topics: string[],
    except: string[],
  ): Promise<DemoReplyCase[]> {
    return this.dataSource.query(
      `SELECT c.id, c.number, c.opened_at AS "openedAt", c.customer_external_id AS "customerExternalId", c.owner_id AS "ownerId"
         FROM cases c
         JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.external_id = c.customer_external_id
        WHERE c.workspace_id = $1 AND c.status IN ('open', 'waiting_customer') AND c.source IN ('response', 'cancellation', 'manual')
          AND cu.attributes->>'language' = $2 AND cu.email IS NOT NULL
          AND c.opened_at >= $3 AND c.opened_at < $4
          AND (cardinality($5::text[]) = 0 OR c.description ILIKE ANY($5::text[])) AND NOT (c.id = ANY($6::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = c.workspace_id AND m.case_id = c.id)
        ORDER BY c.opened_at DESC, c.number
        LIMIT 1`,
      [workspaceId, language, window.from, window.to, topics, except],
    );
  }

  /**
   * Moves a message, and the case event that recorded it, to `at`; `sent` marks an outbound one as handed to the mail
   * server then (the demo has no SMTP, but the older replies did go out).
   */
  async backdate(workspaceId: string, messageId: string, at: Date, sent: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE messages SET created_at = $3, updated_at = $3, next_attempt_at = $3,
              status = CASE WHEN $4 THEN 'sent' ELSE status END, sent_at = CASE WHEN $4 THEN $3 ELSE sent_at END
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, messageId, at, sent],
    );
    await this.dataSource.query(
      `UPDATE case_events SET created_at = $3
        WHERE workspace_id = $1 AND kind = 'reply' AND (details->>'messageId' = $2 OR details->'delivery'->>'messageId' = $2)`,
      [workspaceId, messageId, at],
    );
  }
}
