import type { FieldError } from '../../common/http/api-error';
import type { CustomersService } from '../customers.service';
import type { ColumnTarget } from './column-mapping';
import type { StoredError, StoredRow } from './customer-imports.repository';
import { columnOf, MappedRow, mapRow, MappingContext } from './row-mapper';

/** A stored row mapped to a customer candidate, with errors named by file row and column. */
export interface PreparedRow {
  source: StoredRow;
  mapped: MappedRow;
}

export function prepareRows(rows: StoredRow[], mapping: readonly ColumnTarget[], ctx: MappingContext): PreparedRow[] {
  return rows.map((source) => ({ source, mapped: mapRow(source.values, mapping, ctx) }));
}

/** Customer rule errors of one row as import errors: file row number, external id, column header. */
export function rowErrors(prepared: PreparedRow, problems: FieldError[], headers: string[], externalId: string | null): StoredError[] {
  return problems.map((p) => {
    const column = columnOf(p.field, prepared.mapped.columns);
    return {
      position: prepared.source.position,
      row: prepared.source.row,
      externalId,
      column: column === null ? null : (headers[column] ?? null),
      field: p.field,
      message: p.message,
    };
  });
}

/** The mapping context of an import: consents record when (the start) and how (this file) they were given. */
export function mappingContext(fileName: string, startedAt: Date | null): MappingContext {
  return { consentAt: (startedAt ?? new Date()).toISOString(), consentSource: `import: ${fileName}`.slice(0, 200) };
}

/** Every error of one row: the file's own problems, then the customer rules' verdict on the rest. */
export async function checkRow(
  prepared: PreparedRow,
  customers: CustomersService,
): Promise<{ externalId: string | null; problems: FieldError[] }> {
  const verdict = await customers.validateRow(prepared.mapped.candidate);
  return { externalId: verdict.externalId, problems: [...prepared.mapped.problems, ...verdict.errors] };
}
