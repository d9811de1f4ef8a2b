import { ResponsesReader } from '../responses/responses.reader';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { conflict, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { checkQuestions } from './question-rules';
import { SurveyChanges, SurveyRow, SurveysRepository, SurveyStats } from './surveys.repository';
import type { CreateSurveyDto, SurveyDto, SurveyVersionDto, UpdateSurveyDto } from './surveys.dto';
import { DEFAULT_DISPLAY_RULES, DEFAULT_THEME, defaultQuestions, type Question } from '@otklik/survey-model';
import { PublicSurveyCache } from './public-survey.cache';

const EMPTY_STATS: SurveyStats = { displays: 0, responses: 0, finished: 0 };

const invalid = (details: { field: string; message: string }[]) => validationError(details, 'survey');

export function toSurveyDto(row: SurveyRow, stats: SurveyStats = EMPTY_STATS): SurveyDto {
  return {
    id: row.id,
    publicKey: row.publicKey,
    name: row.name,
    kind: row.kind,
    status: row.status,
    touchpointName: row.touchpointName,
    languages: row.languages,
    defaultLanguage: row.defaultLanguage,
    allowedOrigins: row.allowedOrigins,
    displayRules: row.displayRules,
    theme: row.theme,
    requireVerifiedCustomer: row.requireVerifiedCustomer,
    contactPolicyExempt: row.contactPolicyExempt,
    version: row.currentVersion,
    revision: row.revision,
    questions: row.questions,
    stats,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Public keys are short, unguessable and URL-safe: `srv_` + 20 base62-ish characters. */
const newPublicKey = () => `srv_${randomBytes(15).toString('base64url').replace(/[-_]/g, 'x')}`;

@Injectable()
export class SurveysService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly responses: ResponsesReader,
    private readonly cache: PublicSurveyCache,
  ) {}

  /** Displays, responses and finished responses per survey. */
  private async stats(workspaceId: string, surveyIds: string[]): Promise<Map<string, SurveyStats>> {
    const [displays, responses] = await Promise.all([
      this.surveys.displayCounts(workspaceId, surveyIds),
      this.responses.countsBySurvey(workspaceId, surveyIds),
    ]);
    return new Map(
      surveyIds.map((id) => [
        id,
        { displays: displays.get(id) ?? 0, responses: responses.get(id)?.responses ?? 0, finished: responses.get(id)?.finished ?? 0 },
      ]),
    );
  }

  async list(workspaceId: string): Promise<SurveyDto[]> {
    const rows = await this.surveys.list(workspaceId);
    const stats = await this.stats(
      workspaceId,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toSurveyDto(row, stats.get(row.id)));
  }

  async get(workspaceId: string, id: string): Promise<SurveyDto> {
    const row = await this.surveys.findById(workspaceId, id);
    if (!row) throw notFound('Survey');
    const stats = await this.stats(workspaceId, [id]);
    return toSurveyDto(row, stats.get(id));
  }

  async create(workspaceId: string, createdBy: string | null, input: CreateSurveyDto): Promise<SurveyDto> {
    const defaultLanguage = input.defaultLanguage ?? input.languages?.[0] ?? 'en';
    const languages = input.languages ?? (defaultLanguage === 'en' ? ['en'] : [defaultLanguage, 'en']);
    if (input.kind === 'custom' && !input.questions) {
      throw invalid([{ field: 'questions', message: 'a custom survey needs its questions' }]);
    }
    const questions = (input.questions as Question[] | undefined) ?? defaultQuestions(input.kind as 'nps', input.cesScale);
    this.assertValid(input.kind, questions, languages, defaultLanguage);
    const id = await this.surveys.transaction((manager) =>
      this.surveys.create(
        {
          workspaceId,
          publicKey: newPublicKey(),
          name: input.name,
          kind: input.kind,
          status: 'draft',
          touchpointName: input.touchpointName ?? null,
          languages,
          defaultLanguage,
          allowedOrigins: input.allowedOrigins ?? [],
          displayRules: { ...DEFAULT_DISPLAY_RULES, ...input.displayRules },
          theme: { ...DEFAULT_THEME, ...input.theme },
          requireVerifiedCustomer: input.requireVerifiedCustomer ?? false,
          contactPolicyExempt: input.contactPolicyExempt ?? false,
          questions,
          createdBy,
        },
        manager,
      ),
    );
    return this.get(workspaceId, id);
  }

  /**
   * Applies changes. New questions replace the current version while it has no responses;
   * once any response has it, they become a new version, so every response keeps the questions it answered.
   */
  async update(workspaceId: string, id: string, input: UpdateSurveyDto): Promise<SurveyDto> {
    await this.surveys.transaction(async (manager) => {
      if (!(await this.surveys.lock(workspaceId, id, manager))) throw notFound('Survey');
      const current = (await this.surveys.findById(workspaceId, id, manager))!;
      // Checked under the row lock: of two edits from the same revision, the second always sees the first.
      if (input.expectedRevision !== undefined && input.expectedRevision !== current.revision) {
        throw conflict(
          'stale_survey',
          `This survey was changed by someone else since you opened it (you edited revision ${input.expectedRevision}, it is now ${current.revision}). Reload it to see their changes, then make yours again.`,
        );
      }
      if (input.status === 'draft' && current.status !== 'draft') {
        throw invalid([{ field: 'status', message: 'a survey that has been live cannot go back to draft; pause or close it' }]);
      }
      const languages = input.languages ?? current.languages;
      const defaultLanguage =
        input.defaultLanguage ?? (languages.includes(current.defaultLanguage) ? current.defaultLanguage : languages[0]);
      const questions = (input.questions as Question[] | undefined) ?? current.questions;
      this.assertValid(current.kind, questions, languages, defaultLanguage);

      const changes: SurveyChanges = {
        name: input.name,
        status: input.status,
        touchpointName: input.touchpointName,
        languages: input.languages,
        defaultLanguage: defaultLanguage !== current.defaultLanguage ? defaultLanguage : undefined,
        allowedOrigins: input.allowedOrigins,
        displayRules: input.displayRules && { ...current.displayRules, ...input.displayRules },
        theme: input.theme && { ...current.theme, ...input.theme },
        requireVerifiedCustomer: input.requireVerifiedCustomer,
        contactPolicyExempt: input.contactPolicyExempt,
      };
      await this.surveys.update(workspaceId, id, changes, manager);

      if (input.questions && JSON.stringify(input.questions) !== JSON.stringify(current.questions)) {
        const answered = await this.responses.countOfVersion(workspaceId, id, current.currentVersion, manager);
        if (answered > 0 || current.status !== 'draft') {
          await this.surveys.addVersion(workspaceId, id, current.currentVersion + 1, questions, manager);
        } else {
          await this.surveys.replaceVersion(workspaceId, id, current.currentVersion, questions, manager);
        }
      }
    });
    this.cache.forget(id);
    return this.get(workspaceId, id);
  }

  async versions(workspaceId: string, id: string): Promise<SurveyVersionDto[]> {
    const [rows, counts] = await Promise.all([this.surveys.versions(workspaceId, id), this.responses.countsByVersion(workspaceId, id)]);
    if (rows.length === 0) throw notFound('Survey');
    return rows.map((row) => ({
      version: row.version,
      questions: row.questions,
      createdAt: row.createdAt.toISOString(),
      responses: counts.get(row.version) ?? 0,
    }));
  }

  private assertValid(kind: SurveyRow['kind'], questions: Question[], languages: string[], defaultLanguage: string): void {
    const errors = checkQuestions(kind, questions, defaultLanguage);
    if (!languages.includes(defaultLanguage)) {
      errors.unshift({ field: 'defaultLanguage', message: `defaultLanguage "${defaultLanguage}" must be one of the survey's languages` });
    }
    if (errors.length > 0) throw invalid(errors);
  }
}
