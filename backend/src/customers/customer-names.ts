import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Display names of customers by external id, for lists that show a customer (cases, timeline, churn comments,
 * red lists, mentions): one query per page, never one per row.
 */
@Injectable()
export class CustomerNames {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** external id → name, for the ids that have a customer with a name. */
  async of(workspaceId: string, externalIds: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
    const ids = [...new Set(externalIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return new Map();
    const rows: { externalId: string; name: string }[] = await this.dataSource.query(
      `SELECT external_id AS "externalId", name FROM customers
        WHERE workspace_id = $1 AND external_id = ANY($2::text[]) AND name IS NOT NULL AND name <> ''`,
      [workspaceId, ids],
    );
    return new Map(rows.map((r) => [r.externalId, r.name]));
  }
}
