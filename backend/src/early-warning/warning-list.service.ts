import { Injectable } from '@nestjs/common';
import { validationError } from '../common/http/validation.pipe';
import { ActivityReader } from '../customers/activity/activity.reader';
import { CustomerWarningsRepository, type WarningRow } from './customer-warnings.repository';
import type { ListWarningsQuery, WarningDto, WarningPageDto } from './early-warning.dto';

const DEFAULT_LIMIT = 50;

const encodeCursor = (row: WarningRow) => Buffer.from(`${row.raisedAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { raisedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const raisedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(raisedAt.getTime()))
    throw validationError([{ field: 'cursor', message: 'cursor is not one this API returned' }]);
  return { raisedAt, id };
}

/** The warnings list: all of a workspace's, one customer's, or those of the customers one member manages. */
@Injectable()
export class WarningListService {
  constructor(
    private readonly warnings: CustomerWarningsRepository,
    private readonly activity: ActivityReader,
  ) {}

  /** `viewerId`: the signed-in person (managerId=me), null for an API token. */
  async list(workspaceId: string, query: ListWarningsQuery, viewerId: string | null): Promise<WarningPageDto> {
    if (query.managerId === 'me' && !viewerId)
      throw validationError([{ field: 'managerId', message: 'managerId=me needs a signed-in person' }]);
    const managerId = query.managerId === 'me' ? viewerId : query.managerId;
    const customerIds = managerId ? await this.activity.managedBy(workspaceId, managerId) : undefined;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const [rows, openByRule] = await Promise.all([
      this.warnings.list(workspaceId, {
        open: query.open,
        rule: query.rule,
        customerIds,
        customerId: query.customerId,
        after: query.cursor ? decodeCursor(query.cursor) : undefined,
        limit: limit + 1,
      }),
      this.warnings.openCounts(workspaceId, customerIds),
    ]);
    const page = rows.slice(0, limit);
    const people = new Map(
      (await this.activity.whoAndManager(workspaceId, [...new Set(page.map((r) => r.customerExternalId))])).map((c) => [c.externalId, c]),
    );
    const items = page.map((row): WarningDto => {
      const who = people.get(row.customerExternalId);
      return {
        id: row.id,
        customerId: row.customerExternalId,
        customerName: who?.name ?? null,
        customerEmail: who?.email ?? null,
        accountManagerId: who?.accountManagerId ?? null,
        rule: row.rule,
        detail: row.detail,
        raisedAt: row.raisedAt.toISOString(),
        clearedAt: row.clearedAt?.toISOString() ?? null,
        caseId: row.caseId,
      };
    });
    return { items, nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!) : null, openByRule };
  }
}
