import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Not, Repository } from 'typeorm';
import type { Question, SurveyKind } from '@otklik/survey-model';
import { SurveyDisplayEntity } from './survey-display.entity';
import { SurveyVersionEntity } from './survey-version.entity';
import { SurveyEntity } from './survey.entity';

/** A survey with the questions of its current version. */
export type SurveyRow = Omit<SurveyEntity, 'createdBy'> & Pick<SurveyVersionEntity, 'questions'>;

export interface SurveyStats {
  displays: number;
  responses: number;
  finished: number;
}

export type NewSurvey = Omit<SurveyRow, 'id' | 'currentVersion' | 'revision' | 'createdAt' | 'updatedAt'> & Pick<SurveyEntity, 'createdBy'>;
export type SurveyChanges = Partial<
  Pick<
    SurveyRow,
    | 'name'
    | 'status'
    | 'touchpointName'
    | 'languages'
    | 'defaultLanguage'
    | 'allowedOrigins'
    | 'displayRules'
    | 'theme'
    | 'requireVerifiedCustomer'
    | 'contactPolicyExempt'
  >
>;

/** The survey with the questions of its current version. */
const surveyWithQuestions = (repo: Repository<SurveyEntity>) =>
  repo
    .createQueryBuilder('s')
    .innerJoin(SurveyVersionEntity, 'v', 'v.workspace_id = s.workspace_id AND v.survey_id = s.id AND v.version = s.current_version')
    .select([
      's.workspace_id AS "workspaceId"',
      's.id AS id',
      's.public_key AS "publicKey"',
      's.name AS name',
      's.kind AS kind',
      's.status AS status',
      's.touchpoint_name AS "touchpointName"',
      's.languages AS languages',
      's.default_language AS "defaultLanguage"',
      's.allowed_origins AS "allowedOrigins"',
      's.display_rules AS "displayRules"',
      's.theme AS theme',
      's.require_verified_customer AS "requireVerifiedCustomer"',
      's.contact_policy_exempt AS "contactPolicyExempt"',
      's.current_version AS "currentVersion"',
      's.revision AS revision',
      'v.questions AS questions',
      's.created_at AS "createdAt"',
      's.updated_at AS "updatedAt"',
    ]);

@Injectable()
export class SurveysRepository {
  constructor(
    @InjectRepository(SurveyEntity) private readonly surveys: Repository<SurveyEntity>,
    @InjectRepository(SurveyDisplayEntity) private readonly displays: Repository<SurveyDisplayEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.surveys.manager.transaction(work);
  }

  async create(survey: NewSurvey, manager: EntityManager): Promise<string> {
    const { questions, ...settings } = survey;
    const inserted = await manager.getRepository(SurveyEntity).insert(settings);
    const id = inserted.identifiers[0].id as string;
    await manager.getRepository(SurveyVersionEntity).insert({ workspaceId: survey.workspaceId, surveyId: id, version: 1, questions });
    return id;
  }

  async findById(workspaceId: string, id: string, manager?: EntityManager): Promise<SurveyRow | null> {
    const repo = manager ? manager.getRepository(SurveyEntity) : this.surveys;
    const row = await surveyWithQuestions(repo)
      .where('s.workspace_id = :workspaceId AND s.id = :id', { workspaceId, id })
      .getRawOne<SurveyRow>();
    return row ?? null;
  }

  async findByPublicKey(publicKey: string): Promise<SurveyRow | null> {
    const row = await surveyWithQuestions(this.surveys).where('s.public_key = :publicKey', { publicKey }).getRawOne<SurveyRow>();
    return row ?? null;
  }

  list(workspaceId: string): Promise<SurveyRow[]> {
    return surveyWithQuestions(this.surveys)
      .where('s.workspace_id = :workspaceId', { workspaceId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id')
      .getRawMany<SurveyRow>();
  }

  /** Locks the survey row for an edit (so two edits cannot both create version N+1). */
  async lock(workspaceId: string, id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager
      .getRepository(SurveyEntity)
      .createQueryBuilder('s')
      .select('1')
      .where('s.workspace_id = :workspaceId AND s.id = :id', { workspaceId, id })
      .setLock('pessimistic_write')
      .getRawMany();
    return rows.length > 0;
  }

  /** Saves the changes given (undefined: unchanged) and moves the revision on by one. */
  async update(workspaceId: string, id: string, changes: SurveyChanges, manager: EntityManager): Promise<void> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as SurveyChanges;
    await manager
      .getRepository(SurveyEntity)
      .createQueryBuilder()
      .update()
      .set({ ...set, revision: () => 'revision + 1', updatedAt: () => 'now()' })
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id })
      .execute();
  }

  async addVersion(workspaceId: string, id: string, version: number, questions: Question[], manager: EntityManager): Promise<void> {
    await manager.getRepository(SurveyVersionEntity).insert({ workspaceId, surveyId: id, version, questions });
    await manager.getRepository(SurveyEntity).update({ workspaceId, id }, { currentVersion: version, updatedAt: () => 'now()' });
  }

  async replaceVersion(workspaceId: string, id: string, version: number, questions: Question[], manager: EntityManager): Promise<void> {
    await manager.getRepository(SurveyVersionEntity).update({ workspaceId, surveyId: id, version }, { questions });
  }

  /** Every questions version of a survey, newest first. */
  versions(workspaceId: string, surveyId: string): Promise<Pick<SurveyVersionEntity, 'version' | 'questions' | 'createdAt'>[]> {
    return this.surveys.manager.getRepository(SurveyVersionEntity).find({
      select: { version: true, questions: true, createdAt: true },
      where: { workspaceId, surveyId },
      order: { version: 'DESC' },
    });
  }

  /** Whether any survey of the workspace was ever shown (the home page's "embedded" step also counts responses). */
  anyDisplay(workspaceId: string): Promise<boolean> {
    return this.displays.existsBy({ workspaceId });
  }

  /** Displays per survey (surveys never shown are left out). */
  async displayCounts(workspaceId: string, surveyIds: string[]): Promise<Map<string, number>> {
    if (surveyIds.length === 0) return new Map();
    const rows: { surveyId: string; n: number }[] = await this.displays
      .createQueryBuilder('d')
      .select('d.survey_id', 'surveyId')
      .addSelect('count(*)::int', 'n')
      .where('d.workspace_id = :workspaceId AND d.survey_id = ANY(:surveyIds::uuid[])', { workspaceId, surveyIds })
      .groupBy('d.survey_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.surveyId, r.n]));
  }

  /** Displays of some surveys in [from, to) (displays carry no language or segment). */
  countDisplays(workspaceId: string, surveyIds: string[], from: Date, to: Date): Promise<number> {
    return this.displays
      .createQueryBuilder('d')
      .where('d.workspace_id = :workspaceId AND d.survey_id = ANY(:surveyIds::uuid[])', { workspaceId, surveyIds })
      .andWhere('d.created_at >= :from AND d.created_at < :to', { from, to })
      .getCount();
  }

  /** Ids of the workspace's surveys of one kind, optionally only those of one touchpoint. */
  async idsOfKind(workspaceId: string, kind: SurveyKind, touchpointName?: string): Promise<string[]> {
    const rows = await this.surveys.find({
      select: { id: true },
      where: { workspaceId, kind, ...(touchpointName !== undefined && touchpointName !== null ? { touchpointName } : {}) },
    });
    return rows.map((r) => r.id);
  }

  /** Surveys linked to a touchpoint (by its name), by survey name. */
  linkedToTouchpoints(workspaceId: string): Promise<Pick<SurveyEntity, 'id' | 'name' | 'kind' | 'status' | 'touchpointName'>[]> {
    return this.surveys.find({
      select: { id: true, name: true, kind: true, status: true, touchpointName: true },
      where: { workspaceId, touchpointName: Not(IsNull()) },
      order: { name: 'ASC' },
    });
  }

  /** Points the surveys linked to touchpoint `from` at `to` (in the caller's transaction); how many changed. */
  async renameTouchpointLinks(workspaceId: string, from: string, to: string, manager: EntityManager): Promise<number> {
    // updated_at is the entity's update date column: TypeORM sets it (to now()) on every update.
    const { affected } = await manager.getRepository(SurveyEntity).update({ workspaceId, touchpointName: from }, { touchpointName: to });
    return affected ?? 0;
  }

  /** Live surveys shown on an event of this name (trigger `event`), oldest first; in the caller's transaction when given. */
  liveOnEvent(workspaceId: string, eventName: string, manager?: EntityManager): Promise<Pick<SurveyEntity, 'id' | 'name' | 'publicKey'>[]> {
    return (manager?.getRepository(SurveyEntity) ?? this.surveys)
      .createQueryBuilder('s')
      .select(['s.id', 's.name', 's.publicKey'])
      .where(`s.workspace_id = :workspaceId AND s.status = 'live'`, { workspaceId })
      .andWhere(`s.display_rules->>'trigger' = 'event' AND s.display_rules->>'eventName' = :eventName`, { eventName })
      .orderBy('s.createdAt')
      .addOrderBy('s.id')
      .getMany();
  }
}
