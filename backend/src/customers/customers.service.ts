import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { FieldError, notFound } from '../common/http/api-error';
import { flattenValidationErrors, VALIDATION_OPTIONS } from '../common/http/validation.pipe';
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

export function toCustomerDto(row: CustomerRow): CustomerDto {
  return {
    ...row,
    mrr: Number(row.mrr),
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

@Injectable()
export class CustomersService {
  constructor(private readonly customers: CustomersRepository) {}

  async upsert(workspaceId: string, externalId: string, fields: CustomerFieldsDto): Promise<{ created: boolean; customer: CustomerDto }> {
    const { row, created } = await this.customers.upsert(workspaceId, externalId, fields);
    return { created, customer: toCustomerDto(row) };
  }

  /**
   * Validates every row on its own; stores all valid rows in one transaction and reports the others
   * with their position, so one bad row never blocks a whole import. A repeated external id updates.
   */
  async bulkUpsert(workspaceId: string, rows: unknown[], inTransaction?: EntityManager): Promise<BulkUpsertResultDto> {
    const errors: RowErrorDto[] = [];
    const valid: BulkCustomerDto[] = [];
    for (const [index, raw] of rows.entries()) {
      const checked = await this.validateRow(raw);
      if (checked.row) valid.push(checked.row);
      else errors.push(...checked.errors.map((p) => ({ index, externalId: checked.externalId, ...p })));
    }
    let created = 0;
    let updated = 0;
    // The CSV/XLSX import passes its own transaction, so its progress commits with the rows.
    const run = <T>(work: (manager: EntityManager) => Promise<T>) =>
      inTransaction ? work(inTransaction) : this.customers.transaction(work);
    await run(async (manager) => {
      for (const { externalId, ...fields } of valid) {
        const result = await this.customers.upsert(workspaceId, externalId, fields, manager);
        if (result.created) created += 1;
        else updated += 1;
      }
    });
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
    return toCustomerDto(row);
  }

  async list(workspaceId: string, query: ListCustomersQuery): Promise<CustomerPageDto> {
    const { rows, total } = await this.customers.list(workspaceId, query, query.limit ?? 50, query.offset ?? 0);
    return { items: rows.map(toCustomerDto), total };
  }
}
