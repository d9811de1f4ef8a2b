import { HttpStatus, Injectable } from '@nestjs/common';
import { unlink } from 'node:fs/promises';
import { ApiError, conflict, notFound } from '../../common/http/api-error';
import { validationError } from '../../common/http/validation.pipe';
import { SurveysReader } from '../../surveys/surveys.reader';
import { historyRules } from './history-row';
import { readHistoryUpload } from './read-history-upload';
import { RESPONSE_IMPORT_LIMITS } from './response-import-limits';
import { RESPONSE_IMPORT_FIELDS, responseMappingProblems, suggestResponseMapping, type SurveyShape } from './response-columns';
import { ResponseImportRunner } from './response-import.runner';
import type {
  ResponseImportDto,
  ResponseImportErrorPageDto,
  ResponseImportListDto,
  ResponseImportSummaryDto,
} from './response-imports.dto';
import { ResponseImportRecord, ResponseImportsRepository } from './response-imports.repository';

/** What multer's disk storage hands over: the upload is on disk, never whole in memory. */
export interface DiskUpload {
  originalname: string;
  mimetype: string;
  size: number;
  path: string;
}

const LISTED_ERRORS = 50;

function toSummary(r: ResponseImportRecord): ResponseImportSummaryDto {
  return {
    id: r.id,
    surveyId: r.surveyId,
    fileName: r.fileName,
    encoding: r.encoding,
    delimiter: r.delimiter,
    byteSize: r.byteSize,
    status: r.status,
    rowsTotal: r.totalRows,
    rowsDone: r.rowsDone,
    imported: r.imported,
    duplicates: r.duplicates,
    failed: r.failed,
    createCases: r.createCases,
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
      .slice(0, 255) || 'upload.csv'
  );
}

type SurveyRow = NonNullable<Awaited<ReturnType<SurveysReader['findById']>>>;

function shapeOf(survey: SurveyRow): SurveyShape {
  const rules = historyRules(survey.id, survey.languages, survey.questions, new Date());
  return { hasScore: rules.scoreQuestion !== null, hasComment: rules.commentQuestion !== null };
}

/** Imports of a survey's historical responses: upload and preview, mapping, a background run with progress, row errors. */
@Injectable()
export class ResponseImportsService {
  constructor(
    private readonly imports: ResponseImportsRepository,
    private readonly surveys: SurveysReader,
    private readonly runner: ResponseImportRunner,
  ) {}

  /**
   * Reads the upload (in a worker), stores it with its preview and suggested mapping, and with `start` begins at once
   * when the suggestion is a complete mapping. The temporary file is removed whatever happens.
   */
  async upload(
    workspaceId: string,
    surveyId: string,
    file: DiskUpload | undefined,
    options: { start?: boolean; createCases?: boolean },
  ): Promise<ResponseImportDto> {
    try {
      const survey = await this.survey(workspaceId, surveyId);
      if (!file) throw new ApiError(HttpStatus.BAD_REQUEST, 'file_required', 'Attach a .csv file as the multipart/form-data field "file".');
      const textual =
        /\.(csv|txt|tsv)$/i.test(file.originalname) || /^text\//.test(file.mimetype) || file.mimetype === 'application/vnd.ms-excel';
      if (!textual) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'unsupported_format',
          `Unsupported file type "${cleanFileName(file.originalname)}". Upload a .csv file.`,
        );
      }
      // Checked before the read (cheap refusal) and again, atomically, when the file is stored.
      this.checkQuota(await this.imports.pending(workspaceId), file.size);
      const summary = await readHistoryUpload(workspaceId, file.path);
      const record = await this.imports.create(
        workspaceId,
        surveyId,
        { fileName: cleanFileName(file.originalname), path: file.path, size: file.size },
        summary,
        { imports: RESPONSE_IMPORT_LIMITS.pendingImports, bytes: RESPONSE_IMPORT_LIMITS.pendingBytes },
      );
      if (!record) throw this.quotaExceeded();
      const suggested = suggestResponseMapping(record.headers);
      if (options.start && responseMappingProblems(suggested, record.headers.length, shapeOf(survey)).length === 0) {
        await this.begin(workspaceId, record.id, suggested, options.createCases ?? false);
      }
      return this.get(workspaceId, surveyId, record.id);
    } finally {
      if (file?.path) await unlink(file.path).catch(() => undefined);
    }
  }

  async get(workspaceId: string, surveyId: string, id: string): Promise<ResponseImportDto> {
    const record = await this.find(workspaceId, surveyId, id);
    const { items, total } = await this.imports.errors(workspaceId, id, LISTED_ERRORS, 0);
    return {
      ...toSummary(record),
      headers: record.headers,
      mapping: record.mapping,
      suggestedMapping: suggestResponseMapping(record.headers),
      fields: [...RESPONSE_IMPORT_FIELDS],
      previewRows: record.preview,
      errors: items,
      errorsTotal: total,
    };
  }

  async list(workspaceId: string, surveyId: string): Promise<ResponseImportListDto> {
    await this.survey(workspaceId, surveyId);
    return { items: (await this.imports.list(workspaceId, surveyId, 50)).map(toSummary) };
  }

  /** Starts the import in the background, once: a second start is a 409. */
  async start(workspaceId: string, surveyId: string, id: string, mapping: string[], createCases: boolean): Promise<ResponseImportDto> {
    const survey = await this.survey(workspaceId, surveyId);
    const record = await this.find(workspaceId, surveyId, id);
    const problems = responseMappingProblems(mapping, record.headers.length, shapeOf(survey));
    if (problems.length > 0) throw validationError(problems, 'mapping', 'columns');
    await this.begin(workspaceId, id, mapping, createCases);
    return this.get(workspaceId, surveyId, id);
  }

  async errors(workspaceId: string, surveyId: string, id: string, limit = 100, offset = 0): Promise<ResponseImportErrorPageDto> {
    await this.find(workspaceId, surveyId, id);
    return this.imports.errors(workspaceId, id, limit, offset);
  }

  /** Drops uploads never started: their stored bytes must not stay in the database forever. */
  expireStaleUploads(): Promise<number> {
    const hours = RESPONSE_IMPORT_LIMITS.previewExpiryHours;
    return this.imports.expirePreviews(hours, `The upload expired: it was not started within ${hours} hours. Upload the file again.`);
  }

  private checkQuota(pending: { imports: number; bytes: number }, size: number): void {
    if (pending.imports + 1 > RESPONSE_IMPORT_LIMITS.pendingImports || pending.bytes + size > RESPONSE_IMPORT_LIMITS.pendingBytes) {
      throw this.quotaExceeded();
    }
  }

  private quotaExceeded(): ApiError {
    const { pendingImports, pendingBytes, previewExpiryHours } = RESPONSE_IMPORT_LIMITS;
    return new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'too_many_pending_imports',
      `This workspace already has unfinished imports (at most ${pendingImports} files, ${pendingBytes / (1024 * 1024)} MB together). ` +
        `Start or wait for them to finish; an upload not started is dropped after ${previewExpiryHours} hours.`,
    );
  }

  private async begin(workspaceId: string, id: string, mapping: string[], createCases: boolean): Promise<void> {
    if (!(await this.imports.markStarted(workspaceId, id, mapping, createCases))) {
      throw conflict('import_already_started', 'This import has already been started. Upload the file again to import it once more.');
    }
    void this.runner.kick(workspaceId, id);
  }

  private async survey(workspaceId: string, surveyId: string): Promise<SurveyRow> {
    const survey = await this.surveys.findById(workspaceId, surveyId);
    if (!survey) throw notFound('Survey');
    return survey;
  }

  private async find(workspaceId: string, surveyId: string, id: string): Promise<ResponseImportRecord> {
    const record = await this.imports.find(workspaceId, surveyId, id);
    if (!record) throw notFound('Import');
    return record;
  }
}
