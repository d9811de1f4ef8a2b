import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DisplayRules, Question, SurveyKind, SurveyStatus, WidgetTheme } from './survey-definition';

export interface SurveyRow {
  workspaceId: string;
  id: string;
  publicKey: string;
  name: string;
  kind: SurveyKind;
  status: SurveyStatus;
  touchpointName: string | null;
  languages: string[];
  defaultLanguage: string;
  allowedOrigins: string[];
  displayRules: DisplayRules;
  theme: WidgetTheme;
  /** A customer id must come with its identity hash (customer-identity/). */
  requireVerifiedCustomer: boolean;
  currentVersion: number;
  /** Goes up by one with every saved edit: the optimistic-concurrency token of PATCH. */
  revision: number;
  questions: Question[];
  createdAt: Date;
  updatedAt: Date;
}

export interface SurveyStats {
  displays: number;
  responses: number;
  finished: number;
}

export type NewSurvey = Omit<SurveyRow, 'id' | 'currentVersion' | 'revision' | 'createdAt' | 'updatedAt'> & { createdBy: string | null };
export type SurveyChanges = Partial<
  Pick<SurveyRow, 'name' | 'status' | 'touchpointName' | 'languages' | 'defaultLanguage' | 'allowedOrigins' | 'displayRules' | 'theme' | 'requireVerifiedCustomer'>
>;

const SELECT_SURVEY = `
  SELECT s.workspace_id AS "workspaceId", s.id, s.public_key AS "publicKey", s.name, s.kind, s.status,
         s.touchpoint_name AS "touchpointName", s.languages, s.default_language AS "defaultLanguage",
         s.allowed_origins AS "allowedOrigins", s.display_rules AS "displayRules", s.theme,
         s.require_verified_customer AS "requireVerifiedCustomer",
         s.current_version AS "currentVersion", s.revision, v.questions, s.created_at AS "createdAt", s.updated_at AS "updatedAt"
    FROM surveys s
    JOIN survey_versions v ON v.workspace_id = s.workspace_id AND v.survey_id = s.id AND v.version = s.current_version`;

const COLUMNS: Record<keyof SurveyChanges, string> = {
  name: 'name',
  status: 'status',
  touchpointName: 'touchpoint_name',
  languages: 'languages',
  defaultLanguage: 'default_language',
  allowedOrigins: 'allowed_origins',
  displayRules: 'display_rules',
  theme: 'theme',
  requireVerifiedCustomer: 'require_verified_customer',
};

@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async create(survey: NewSurvey, manager: EntityManager): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO surveys (workspace_id, public_key, name, kind, status, touchpoint_name, languages, default_language,
                            allowed_origins, display_rules, theme, created_by, require_verified_customer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        survey.workspaceId, survey.publicKey, survey.name, survey.kind, survey.status, survey.touchpointName,
        survey.languages, survey.defaultLanguage, survey.allowedOrigins, survey.displayRules, survey.theme, survey.createdBy,
        survey.requireVerifiedCustomer,
      ],
    );
    await manager.query(
      `INSERT INTO survey_versions (workspace_id, survey_id, version, questions) VALUES ($1, $2, 1, $3)`,
      [survey.workspaceId, row.id, JSON.stringify(survey.questions)],
    );
    return row.id as string;
  }

  async findById(workspaceId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<SurveyRow | null> {
    const rows = await manager.query(`${SELECT_SURVEY} WHERE s.workspace_id = $1 AND s.id = $2`, [workspaceId, id]);
    return (rows[0] as SurveyRow | undefined) ?? null;
  }

  async findByPublicKey(publicKey: string): Promise<SurveyRow | null> {
    const rows = await this.dataSource.query(`${SELECT_SURVEY} WHERE s.public_key = $1`, [publicKey]);
    return (rows[0] as SurveyRow | undefined) ?? null;
  }

  async list(workspaceId: string): Promise<SurveyRow[]> {
    return this.dataSource.query(`${SELECT_SURVEY} WHERE s.workspace_id = $1 ORDER BY s.created_at DESC, s.id`, [workspaceId]);
  }

  /** Locks the survey row for an edit (so two edits cannot both create version N+1). */
  async lock(workspaceId: string, id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM surveys WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [workspaceId, id]);
    return rows.length > 0;
  }

  async update(workspaceId: string, id: string, changes: SurveyChanges, manager: EntityManager): Promise<void> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof SurveyChanges, unknown][];
    const sets = entries.map(([key], i) => `${COLUMNS[key]} = $${i + 3}`);
    const values = entries.map(([key, value]) => (key === 'displayRules' || key === 'theme' ? JSON.stringify(value) : value));
    await manager.query(
      `UPDATE surveys SET ${[...sets, 'revision = revision + 1', 'updated_at = now()'].join(', ')} WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, ...values],
    );
  }

  async addVersion(workspaceId: string, id: string, version: number, questions: Question[], manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO survey_versions (workspace_id, survey_id, version, questions) VALUES ($1, $2, $3, $4)`, [
      workspaceId, id, version, JSON.stringify(questions),
    ]);
    await manager.query(`UPDATE surveys SET current_version = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [
      workspaceId, id, version,
    ]);
  }

  async replaceVersion(workspaceId: string, id: string, version: number, questions: Question[], manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE survey_versions SET questions = $4 WHERE workspace_id = $1 AND survey_id = $2 AND version = $3`, [
      workspaceId, id, version, JSON.stringify(questions),
    ]);
  }

  async countResponsesOfVersion(workspaceId: string, id: string, version: number, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1 AND survey_id = $2 AND survey_version = $3`,
      [workspaceId, id, version],
    );
    return row.n as number;
  }

  async versions(workspaceId: string, id: string): Promise<{ version: number; questions: Question[]; createdAt: Date; responses: number }[]> {
    return this.dataSource.query(
      `SELECT v.version, v.questions, v.created_at AS "createdAt",
              (SELECT count(*)::int FROM responses r
                WHERE r.workspace_id = v.workspace_id AND r.survey_id = v.survey_id AND r.survey_version = v.version) AS responses
         FROM survey_versions v WHERE v.workspace_id = $1 AND v.survey_id = $2 ORDER BY v.version DESC`,
      [workspaceId, id],
    );
  }

  /** Whether any survey of the workspace was ever shown or answered (the home page's "embedded" step). */
  async anyDisplayOrResponse(workspaceId: string): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM survey_displays WHERE workspace_id = $1) OR EXISTS (SELECT 1 FROM responses WHERE workspace_id = $1) AS any`,
      [workspaceId],
    );
    return row.any;
  }

  async stats(workspaceId: string, surveyIds: string[]): Promise<Map<string, SurveyStats>> {
    if (surveyIds.length === 0) return new Map();
    const rows: ({ id: string } & SurveyStats)[] = await this.dataSource.query(
      `SELECT s.id,
              (SELECT count(*)::int FROM survey_displays d WHERE d.workspace_id = s.workspace_id AND d.survey_id = s.id) AS displays,
              (SELECT count(*)::int FROM responses r WHERE r.workspace_id = s.workspace_id AND r.survey_id = s.id) AS responses,
              (SELECT count(*)::int FROM responses r WHERE r.workspace_id = s.workspace_id AND r.survey_id = s.id AND r.finished) AS finished
         FROM surveys s WHERE s.workspace_id = $1 AND s.id = ANY($2::uuid[])`,
      [workspaceId, surveyIds],
    );
    return new Map(rows.map(({ id, ...stats }) => [id, stats]));
  }
}
