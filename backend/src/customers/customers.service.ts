import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { FieldError, notFound } from '../common/http/api-error';
import { flattenValidationErrors, validationError, VALIDATION_OPTIONS } from '../common/http/validation.pipe';
import { MembershipsReader } from '../members/memberships.reader';
import { UsersReader } from '../users/users.reader';
import { SegmentsReader } from '../segments/segments.reader';
import {
  BulkCustomerDto,
  BulkUpsertResultDto,
  CustomerDto,
  CustomerFieldsDto,
  CustomerPageDto,
  ListCustomersQuery,
  RowErrorDto,
} from './customers.dto';
import { CustomerRow, CustomersRepository } from './customers.repository';
import { CustomerStatusService } from './status/customer-status.service';

type People = Map<string, { name: string; email: string }>;

const iso = (date: Date | null) => date?.toISOString() ?? null;
const personRef = (id: string | null, people: People) => {
  const person = id ? people.get(id) : undefined;
  return id && person ? { id, name: person.name || person.email } : null;
};

export function toCustomerDto(row: CustomerRow, people: People): CustomerDto {
  const {
    statusOverride,
    statusOverrideBy,
    statusOverrideReason,
    statusOverrideAt,
    accountManagerId,
    rfmRecency,
    rfmFrequency,
    rfmMonetary,
    rfmGroup,
    rfmScoredAt,
    ...rest
  } = row;
  return {
    ...rest,
    mrr: Number(row.mrr),
    purchaseVolume: Number(row.purchaseVolume),
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    offerResponseAt: iso(row.offerResponseAt),
    lastOrderAt: iso(row.lastOrderAt),
    stoppedAt: iso(row.stoppedAt),
    statusOverride: statusOverride
      ? { status: statusOverride, reason: statusOverrideReason, at: iso(statusOverrideAt), by: personRef(statusOverrideBy, people) }
      : null,
    rfm:
      rfmRecency !== null && rfmFrequency !== null && rfmMonetary !== null && rfmScoredAt !== null
        ? { recency: rfmRecency, frequency: rfmFrequency, monetary: rfmMonetary, group: rfmGroup, scoredAt: rfmScoredAt.toISOString() }
        : null,
    accountManager: personRef(accountManagerId, people),
  };
}

const MANAGER_NOT_MEMBER = 'accountManagerId must be a member of this workspace';

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly segments: SegmentsReader,
    private readonly statuses: CustomerStatusService,
    private readonly memberships: MembershipsReader,
    private readonly users: UsersReader,
  ) {}

  /** Stores the customer and re-derives their colour status in the same transaction. */
  async upsert(workspaceId: string, externalId: string, fields: CustomerFieldsDto): Promise<{ created: boolean; customer: CustomerDto }> {
    const { created, row } = await this.customers.transaction(async (manager) => {
      if (fields.accountManagerId && !(await this.memberships.isMember(workspaceId, fields.accountManagerId, manager))) {
        throw validationError([{ field: 'accountManagerId', message: MANAGER_NOT_MEMBER }]);
      }
      const result = await this.customers.upsert(workspaceId, externalId, fields, manager);
      await this.statuses.recompute(workspaceId, [externalId], manager);
      return { created: result.created, row: (await this.customers.findByExternalId(workspaceId, externalId, manager))! };
    });
    return { created, customer: (await this.toDtos([row]))[0] };
  }

  /**
   * Validates every row on its own; stores all valid rows in one transaction and reports the others
   * with their position, so one bad row never blocks a whole import. A repeated external id updates.
   */
  async bulkUpsert(workspaceId: string, rows: unknown[], inTransaction?: EntityManager): Promise<BulkUpsertResultDto> {
    const errors: RowErrorDto[] = [];
    const valid: BulkCustomerDto[] = [];
    const indexOf = new Map<BulkCustomerDto, number>();
    for (const [index, raw] of rows.entries()) {
      const checked = await this.validateRow(raw);
      if (checked.row) {
        valid.push(checked.row);
        indexOf.set(checked.row, index);
      } else errors.push(...checked.errors.map((p) => ({ index, externalId: checked.externalId, ...p })));
    }
    let created = 0;
    let updated = 0;
    // The CSV/XLSX import passes its own transaction, so its progress commits with the rows.
    const run = <T>(work: (manager: EntityManager) => Promise<T>) =>
      inTransaction ? work(inTransaction) : this.customers.transaction(work);
    await run(async (manager) => {
      const managers = [...new Set(valid.map((row) => row.accountManagerId).filter((id): id is string => !!id))];
      const members = new Set(await this.memberships.membersAmong(workspaceId, managers, manager));
      await this.customers.lockInIdOrder(
        workspaceId,
        valid.map((row) => row.externalId),
        manager,
      );
      const stored: string[] = [];
      for (const row of valid) {
        if (row.accountManagerId && !members.has(row.accountManagerId)) {
          errors.push({ index: indexOf.get(row)!, externalId: row.externalId, field: 'accountManagerId', message: MANAGER_NOT_MEMBER });
          continue;
        }
        const { externalId, ...fields } = row;
        const result = await this.customers.upsert(workspaceId, externalId, fields, manager);
        stored.push(externalId);
        if (result.created) created += 1;
        else updated += 1;
      }
      await this.statuses.recompute(workspaceId, stored, manager);
    });
    errors.sort((a, b) => a.index - b.index);
    return { created, updated, errors };
  }

  /** One bulk row against the customer rules: the typed row, or why it cannot be stored. */
  async validateRow(raw: unknown): Promise<{ row: BulkCustomerDto | null; externalId: string | null; errors: FieldError[] }> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { row: null, externalId: null, errors: [{ field: '', message: 'each customer must be an object' }] };
    }
    const externalId = typeof (raw as { externalId?: unknown }).externalId === 'string' ? (raw as { externalId: string }).externalId : null;
    const row = plainToInstance(BulkCustomerDto, raw);
    const errors = flattenValidationErrors(await validate(row, VALIDATION_OPTIONS));
    return { row: errors.length === 0 ? row : null, externalId, errors };
  }

  async get(workspaceId: string, externalId: string): Promise<CustomerDto> {
    const row = await this.customers.findByExternalId(workspaceId, externalId);
    if (!row) throw notFound('Customer');
    return (await this.toDtos([row]))[0];
  }

  async list(workspaceId: string, query: ListCustomersQuery): Promise<CustomerPageDto> {
    const inSegment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    const { rows, total } = await this.customers.list(workspaceId, { ...query, inSegment }, query.limit ?? 50, query.offset ?? 0);
    return { items: await this.toDtos(rows), total };
  }

  /** Rows → DTOs, naming the people they mention (one query per page). */
  private async toDtos(rows: CustomerRow[]): Promise<CustomerDto[]> {
    const people = await this.users.profilesOf(rows.flatMap((row) => [row.accountManagerId, row.statusOverrideBy]));
    return rows.map((row) => toCustomerDto(row, people));
  }
}
