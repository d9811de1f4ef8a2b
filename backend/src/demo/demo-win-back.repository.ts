import type { DataSource } from 'typeorm';

/**
 * The win-back story's history, written set-based: the notices dated just after the fix (as if sent then), customers'
 * answers and the orders of those who came back. Raw SQL: unnest of parallel arrays is beyond the QueryBuilder.
 */
export class DemoWinBackRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Recent cases that show the open problem (the checkout crash): technical-problem cases first, newest first. */
  async recentCases(workspaceId: string, since: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM cases WHERE workspace_id = $1 AND opened_at >= $2
        ORDER BY (churn_reason_key = 'technical_problems') DESC NULLS LAST, opened_at DESC LIMIT $3`,
      [workspaceId, since, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The notices of a problem, dated `at` and marked sent (the story told them right after the fix). */
  async dateNotices(workspaceId: string, problemId: string, at: Date): Promise<{ customerExternalId: string; language: string }[]> {
    await this.dataSource.query(
      `UPDATE recovery_customers SET notified_at = $3 WHERE workspace_id = $1 AND problem_id = $2 AND notified_at IS NOT NULL`,
      [workspaceId, problemId, at],
    );
    return this.dataSource
      .query(
        `UPDATE messages m SET status = 'sent', created_at = $3, updated_at = $3, sent_at = $3, next_attempt_at = $3
         FROM recovery_customers rc
        WHERE rc.workspace_id = $1 AND rc.problem_id = $2 AND m.workspace_id = rc.workspace_id AND m.id = rc.message_id
        RETURNING rc.customer_external_id AS "customerExternalId", m.language`,
        [workspaceId, problemId, at],
      )
      .then(([rows]: [{ customerExternalId: string; language: string }[]]) => rows);
  }

  async insertAnswers(workspaceId: string, answers: { customerExternalId: string; text: string; at: Date }[]): Promise<void> {
    if (answers.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO messages (workspace_id, direction, channel, status, customer_external_id, text_body, created_at, updated_at)
       SELECT $1, 'inbound', 'email', 'received', a.customer_external_id, a.text, a.at, a.at
         FROM unnest($2::varchar[], $3::text[], $4::timestamptz[]) AS a(customer_external_id, text, at)`,
      [workspaceId, answers.map((a) => a.customerExternalId), answers.map((a) => a.text), answers.map((a) => a.at.toISOString())],
    );
  }

  async insertOrders(
    workspaceId: string,
    orders: { customerExternalId: string; eventId: string; amount: number; at: Date }[],
  ): Promise<void> {
    if (orders.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO customer_activity (workspace_id, customer_external_id, event_id, kind, amount, currency, occurred_at, received_at)
       SELECT $1, o.customer_external_id, o.event_id, 'order', o.amount, 'RUB', o.at, o.at
         FROM unnest($2::varchar[], $3::varchar[], $4::numeric[], $5::timestamptz[]) AS o(customer_external_id, event_id, amount, at)
       ON CONFLICT DO NOTHING`,
      [
        workspaceId,
        orders.map((o) => o.customerExternalId),
        orders.map((o) => o.eventId),
        orders.map((o) => o.amount),
        orders.map((o) => o.at.toISOString()),
      ],
    );
  }
}
