import { HttpStatus, Injectable } from '@nestjs/common';
import { setImmediate as nextTick } from 'node:timers/promises';
import { stringify } from 'csv-stringify/sync';
import { ApiError, conflict, notFound } from '../../common/http/api-error';
import { validationError } from '../../common/http/validation.pipe';
import { spreadsheetSafe } from '../../responses/csv-safety';
import { CustomersService } from '../customers.service';
import { ColumnTarget, IMPORT_FIELDS, mappingProblems, suggestMapping } from './column-mapping';
import { CustomerImportRunner } from './customer-import.runner';
import {
  ImportDto,
  ImportDuplicateDto,
  ImportErrorPageDto,
  ImportListDto,
  ImportRowErrorDto,
  ImportSummaryDto,
  ImportValidationDto,
} from './customer-imports.dto';
import { CustomerImportsRepository, ImportRecord } from './customer-imports.repository';
import { IMPORT_LIMITS } from './import-limits';
import { checkRow, mappingContext, prepareRows, rowErrors } from './import-rows';
import { parseUpload } from './parse-upload';
import type { UploadedFile } from './read-upload';

const VALIDATION_BATCH = 1000;
const LISTED_ERRORS = 200;
const LISTED_DUPLICATES = 100;

function toSummary(r: ImportRecord): ImportSummaryDto {
  return {
    id: r.id,
    fileName: r.fileName,
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    totalRows: r.totalRows,
    status: r.status,
    processed: r.processed,
    created: r.created,
    updated: r.updated,
    failed: r.failed,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** A file name safe to show and store: no folders, no control characters, at most 255 characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must lose
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 255) || 'upload'
  );
}

@Injectable()
export class CustomerImportsService {
  constructor(
    private readonly imports: CustomerImportsRepository,
    private readonly customers: CustomersService,
    private readonly runner: CustomerImportRunner,
  ) {}

  async upload(workspaceId: string, file: UploadedFile | undefined): Promise<ImportDto> {
    if (!file) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'file_required', 'Attach a .csv or .xlsx file as the multipart/form-data field "file".');
    }
    const parsed = await parseUpload(workspaceId, file);
    const record = await this.imports.create(workspaceId, cleanFileName(file.originalname), parsed);
    return this.toDto(record);
  }

  async get(workspaceId: string, id: string): Promise<ImportDto> {
    return this.toDto(await this.find(workspaceId, id));
  }

  async list(workspaceId: string): Promise<ImportListDto> {
    return { items: (await this.imports.list(workspaceId, 50)).map(toSummary) };
  }

  /**
   * Dry run of a mapping over the stored rows (all, or the first N): the same conversion and customer rules
   * as the import itself, nothing written. Repeated external ids are allowed (the later row wins) and listed.
   */
  async validate(workspaceId: string, id: string, mapping: string[], limit?: number): Promise<ImportValidationDto> {
    const record = await this.find(workspaceId, id);
    const targets = this.checkMapping(mapping, record);
    const ctx = mappingContext(record.fileName, record.startedAt);
    const wanted = Math.min(limit ?? record.totalRows, record.totalRows);
    const errors: ImportRowErrorDto[] = [];
    const duplicates: ImportDuplicateDto[] = [];
    const firstRowOf = new Map<string, number>();
    let checked = 0;
    let invalid = 0;
    let duplicateRows = 0;
    let errorCount = 0;
    for (let position = 0; checked < wanted; position += VALIDATION_BATCH) {
      const rows = await this.imports.rows(workspaceId, id, position, Math.min(VALIDATION_BATCH, wanted - checked));
      if (rows.length === 0) break;
      for (const prepared of prepareRows(rows, targets, ctx)) {
        const verdict = await checkRow(prepared, this.customers);
        const problems = verdict.problems;
        if (problems.length > 0) {
          invalid += 1;
          errorCount += problems.length;
          if (errors.length < LISTED_ERRORS) {
            errors.push(...rowErrors(prepared, problems, record.headers, verdict.externalId).map(({ position: _, ...e }) => e));
          }
        }
        const externalId = verdict.externalId?.trim();
        if (externalId) {
          const first = firstRowOf.get(externalId);
          if (first === undefined) firstRowOf.set(externalId, prepared.source.row);
          else {
            duplicateRows += 1;
            if (duplicates.length < LISTED_DUPLICATES) duplicates.push({ row: prepared.source.row, externalId, firstRow: first });
          }
        }
      }
      checked += rows.length;
      await nextTick(); // let other requests in between batches of a large file
    }
    return {
      checkedRows: checked,
      validRows: checked - invalid,
      invalidRows: invalid,
      duplicateRows,
      errors: errors.slice(0, LISTED_ERRORS),
      errorsTruncated: errorCount > LISTED_ERRORS,
      duplicates,
    };
  }

  /** Starts the import in the background, once: a second start is a 409. */
  async start(workspaceId: string, id: string, mapping: string[]): Promise<ImportDto> {
    const record = await this.find(workspaceId, id);
    this.checkMapping(mapping, record);
    if (!(await this.imports.markStarted(workspaceId, id, mapping))) {
      throw conflict('import_already_started', 'This import has already been started. Upload the file again to import it once more.');
    }
    this.runner.kick(workspaceId, id);
    return this.get(workspaceId, id);
  }

  async errors(workspaceId: string, id: string, limit = 100, offset = 0): Promise<ImportErrorPageDto> {
    await this.find(workspaceId, id);
    return this.imports.errors(workspaceId, id, limit, offset);
  }

  /** All row errors as CSV (UTF-8 with BOM for Excel; formulas neutralised), to fix the file and import again. */
  async errorsCsv(workspaceId: string, id: string): Promise<{ fileName: string; csv: string }> {
    const record = await this.find(workspaceId, id);
    const { items } = await this.imports.errors(workspaceId, id, IMPORT_LIMITS.maxRows * 20, 0);
    const text = (v: string | null) => (v === null ? '' : spreadsheetSafe(v));
    const csv = stringify(
      items.map((e) => [e.row, text(e.externalId), text(e.column), e.field, text(e.message)]),
      { bom: true, header: true, columns: ['row', 'external_id', 'column', 'field', 'message'] },
    );
    const base =
      record.fileName
        .replace(/\.[^.]+$/, '')
        .replace(/[^\w.-]+/g, '_')
        .slice(0, 100) || 'import';
    return { fileName: `${base}-errors.csv`, csv };
  }

  private async find(workspaceId: string, id: string): Promise<ImportRecord> {
    const record = await this.imports.find(workspaceId, id);
    if (!record) throw notFound('Import');
    return record;
  }

  private checkMapping(mapping: string[], record: ImportRecord): ColumnTarget[] {
    const problems = mappingProblems(mapping, record.headers.length);
    if (problems.length > 0) throw validationError(problems, 'mapping', 'columns');
    return mapping as ColumnTarget[];
  }

  private async toDto(record: ImportRecord): Promise<ImportDto> {
    const preview = await this.imports.rows(record.workspaceId, record.id, 0, IMPORT_LIMITS.previewRows);
    return {
      ...toSummary(record),
      headers: record.headers,
      mapping: record.mapping,
      suggestedMapping: suggestMapping(record.headers),
      fields: [...IMPORT_FIELDS],
      previewRows: preview.map(({ row, values }) => ({ row, values })),
    };
  }
}
