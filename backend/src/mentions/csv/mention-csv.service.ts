import { Injectable } from '@nestjs/common';
import { validationError } from '../../common/http/validation.pipe';
import type { ParsedRow } from '../../customers/import/parsed-file';
import type { UploadedFile } from '../../customers/import/read-upload';
import { resolveTimeZone } from '../../common/http/period';
import { MentionIngestService } from '../mention-ingest.service';
import { MENTION_CSV_FIELDS, mentionMappingProblems, type MentionColumnTarget, suggestMentionMapping } from './mention-csv-mapping';
import type { MentionCsvImportBodyDto, MentionCsvImportResultDto, MentionCsvPreviewDto, MentionCsvRowErrorDto } from './mention-csv.dto';
import { mapMentionRow } from './mention-csv-rows';
import { MENTION_CSV_LIMITS, readMentionFile } from './read-mention-file';

/**
 * CSV upload of mentions, stateless: preview reads the file and guesses a mapping; import reads it again
 * with the chosen mapping and hands the rows to the common ingest path in chunks, so the file's rows get
 * the same validation, language, sentiment and copy detection as every other channel.
 */
@Injectable()
export class MentionCsvService {
  constructor(private readonly ingest: MentionIngestService) {}

  async preview(workspaceId: string, file: UploadedFile | undefined): Promise<MentionCsvPreviewDto> {
    const parsed = await readMentionFile(workspaceId, file);
    return {
      fileName: file!.originalname,
      format: parsed.format,
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      headers: parsed.headers,
      totalRows: parsed.rows.length,
      rows: parsed.rows.slice(0, MENTION_CSV_LIMITS.previewRows),
      suggestedMapping: suggestMentionMapping(parsed.headers),
      targets: [...MENTION_CSV_FIELDS, 'ignore'],
    };
  }

  async import(workspaceId: string, file: UploadedFile | undefined, body: MentionCsvImportBodyDto): Promise<MentionCsvImportResultDto> {
    const { mapping, timeZone, fixedSource } = checkOptions(body);
    const parsed = await readMentionFile(workspaceId, file);
    const problems = mentionMappingProblems(mapping, parsed.headers.length, fixedSource);
    if (problems.length > 0) throw validationError(problems, 'mapping');
    const targets = mapping as MentionColumnTarget[];

    const result: MentionCsvImportResultDto = {
      totalRows: parsed.rows.length,
      created: 0,
      existing: 0,
      invalid: 0,
      duplicates: 0,
      errors: [],
      errorsTruncated: false,
    };
    const errors: MentionCsvRowErrorDto[] = [];
    for (let start = 0; start < parsed.rows.length; start += MENTION_CSV_LIMITS.chunkRows) {
      await this.importChunk(
        workspaceId,
        parsed.rows.slice(start, start + MENTION_CSV_LIMITS.chunkRows),
        parsed.headers,
        targets,
        { fixedSource, timeZone },
        result,
        errors,
      );
    }
    errors.sort((a, b) => a.row - b.row);
    result.errors = errors.slice(0, MENTION_CSV_LIMITS.maxErrors);
    result.errorsTruncated = errors.length > MENTION_CSV_LIMITS.maxErrors;
    return result;
  }

  private async importChunk(
    workspaceId: string,
    rows: ParsedRow[],
    headers: string[],
    targets: MentionColumnTarget[],
    options: { fixedSource?: string; timeZone: string },
    result: MentionCsvImportResultDto,
    errors: MentionCsvRowErrorDto[],
  ): Promise<void> {
    const sent: { row: number; columns: Map<string, number> }[] = [];
    const items: Record<string, unknown>[] = [];
    for (const row of rows) {
      const mapped = mapMentionRow(row.values, targets, options);
      if (!mapped.item) {
        result.invalid++;
        for (const p of mapped.problems) errors.push(rowError(row.row, p.field, p.message, mapped.columns, headers));
        continue;
      }
      sent.push({ row: row.row, columns: mapped.columns });
      items.push(mapped.item);
    }
    if (items.length === 0) return;
    const outcome = await this.ingest.ingest(workspaceId, items, 'csv');
    result.created += outcome.created;
    result.existing += outcome.existing;
    result.invalid += outcome.invalid;
    result.duplicates += outcome.duplicates;
    for (const item of outcome.items) {
      if (item.status !== 'invalid') continue;
      const { row, columns } = sent[item.index];
      for (const e of item.errors ?? []) errors.push(rowError(row, e.field, e.message, columns, headers));
    }
  }
}

function rowError(row: number, field: string, message: string, columns: Map<string, number>, headers: string[]): MentionCsvRowErrorDto {
  const column = columns.get(field);
  return { row, column: column === undefined ? null : headers[column], field: field || 'row', message };
}

/** The form fields of an import, read before the file so a bad mapping or zone costs no parsing. */
function checkOptions(body: MentionCsvImportBodyDto): { mapping: unknown; timeZone: string; fixedSource?: string } {
  let mapping: unknown;
  try {
    mapping = JSON.parse(body.mapping);
  } catch {
    throw validationError([{ field: 'mapping', message: 'mapping must be a JSON list such as ["text","postedAt","ignore"]' }], 'mapping');
  }
  const timeZone = resolveTimeZone(body.timeZone || undefined);
  const fixedSource = body.source ? body.source.toLowerCase() : undefined;
  return { mapping, timeZone, fixedSource };
}
