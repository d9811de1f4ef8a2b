import { HttpStatus, Injectable } from '@nestjs/common';
import type { Question } from '@otklik/survey-model';
import type { Role } from '../common/auth/roles';
import { ApiError, conflict, forbidden, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { checkAnswers } from '../surveys/answer-rules';
import { SurveysReader } from '../surveys/surveys.reader';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import type {
  CreateMirrorDto,
  MirrorDto,
  MirrorTouchpointInputDto,
  MyMirrorsDto,
  SubmitMirrorAnswersDto,
  SubmitMirrorResultDto,
  UpdateMirrorDto,
} from './mirror.dto';
import { openPeriods, periodClosesAt, periodStartOf } from './mirror-period';
import { isScored, mirrorQuestions, staffAnswerRules } from './mirror-questions';
import { MirrorRepository } from './mirror.repository';
import { MirrorStaff } from './mirror-staff';
import type { MirrorSurveyEntity } from './mirror-survey.entity';

type SurveyRow = NonNullable<Awaited<ReturnType<SurveysReader['findById']>>>;

const MAX_MIRRORS = 100;

/** Mirrors: set up by admins and analysts, answered by each touchpoint's staff once per period. */
@Injectable()
export class MirrorService {
  constructor(
    private readonly repo: MirrorRepository,
    private readonly surveys: SurveysReader,
    private readonly staff: MirrorStaff,
    private readonly touchpoints: TouchpointsReader,
  ) {}

  /** The workspace's time zone: it defines the periods (calendar months and quarters there). */
  timeZone(workspaceId: string): Promise<string> {
    return this.touchpoints.workspaceTimeZone(workspaceId);
  }

  async list(workspaceId: string): Promise<MirrorDto[]> {
    return this.toDtos(workspaceId, await this.repo.list(workspaceId));
  }

  async get(workspaceId: string, id: string): Promise<MirrorDto> {
    const [dto] = await this.toDtos(workspaceId, [await this.mirrorOr404(workspaceId, id)]);
    return dto;
  }

  async create(workspaceId: string, role: Role | null, userId: string | null, body: CreateMirrorDto): Promise<MirrorDto> {
    const survey = await this.mirrorableSurvey(workspaceId, body.surveyId);
    if ((await this.repo.list(workspaceId)).length >= MAX_MIRRORS) {
      throw conflict('mirror_limit', `A workspace can have at most ${MAX_MIRRORS} mirrors`);
    }
    const links = await this.checkTouchpoints(workspaceId, role, body.touchpoints);
    const id = await this.repo.create(
      workspaceId,
      {
        surveyId: survey.id,
        name: body.name ?? `Mirror: ${survey.name}`.slice(0, 200),
        prefix: body.prefix ?? {},
        period: body.period ?? 'month',
        graceDays: body.graceDays ?? 5,
        blindSpotRating: body.blindSpotRating ?? 0.5,
        blindSpotNps: body.blindSpotNps ?? 1,
        active: body.active ?? true,
        createdBy: userId,
      },
      links,
    );
    return this.get(workspaceId, id);
  }

  /**
   * Changes a mirror. With `updatedAt` (as last read) someone else's edit since gives 409 stale_edit. The survey and
   * the period change only while no staff answer exists (answers are tied to the survey's questions and the periods).
   */
  async update(workspaceId: string, role: Role | null, id: string, body: UpdateMirrorDto): Promise<MirrorDto> {
    const mirror = await this.mirrorOr404(workspaceId, id);
    if (body.surveyId !== undefined && body.surveyId !== mirror.surveyId) await this.mirrorableSurvey(workspaceId, body.surveyId);
    const links = body.touchpoints ? await this.checkTouchpoints(workspaceId, role, body.touchpoints, id) : undefined;
    const { touchpoints: _links, updatedAt, ...fields } = body;
    const result = await this.repo.update(workspaceId, id, fields, links, updatedAt ? new Date(updatedAt) : undefined);
    if (result === 'missing') throw notFound('Mirror');
    if (result === 'stale') {
      throw conflict('stale_edit', 'This mirror was changed by someone else since you opened it. Reload it, then make your change again.');
    }
    if (result === 'answered') {
      throw conflict(
        'mirror_answered',
        'Staff have answered this mirror, so its survey and period stay as they are: create a new mirror (or delete this one) instead',
      );
    }
    return this.get(workspaceId, id);
  }

  /** Deletes a mirror with its touchpoints and every staff answer (admins; the dashboard asks first). */
  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.repo.remove(workspaceId, id))) throw notFound('Mirror');
  }

  private async mirrorableSurvey(workspaceId: string, surveyId: string): Promise<SurveyRow> {
    const survey = await this.surveys.findById(workspaceId, surveyId);
    if (!survey) throw validationError([{ field: 'surveyId', message: 'surveyId is not a survey of this workspace' }]);
    if (!survey.questions.some(isScored)) {
      throw validationError([{ field: 'surveyId', message: 'the survey has no NPS or rating question to mirror' }]);
    }
    return survey;
  }

  /** Every open period of every active mirror the person answers for, with their answers so far. */
  async mine(workspaceId: string, userId: string, now = new Date()): Promise<MyMirrorsDto> {
    const mirrors = await this.repo.list(workspaceId, true);
    const timeZone = await this.timeZone(workspaceId);
    const links = await this.repo.linksOf(
      workspaceId,
      mirrors.map((m) => m.id),
    );
    const staff = await this.staff.ofLinks(workspaceId, links);
    const mine = links.filter((l) => staff.get(`${l.mirrorId}:${l.touchpointId}`)?.staff.some((p) => p.id === userId));
    const surveys = await this.surveysOf(workspaceId, mirrors);
    const periods = [...new Set(mirrors.flatMap((m) => openPeriods(m.period, m.graceDays, now, timeZone)))];
    const given = await this.repo.answersOf(
      workspaceId,
      userId,
      mirrors.map((m) => m.id),
      periods,
    );
    const items: MyMirrorsDto['items'] = [];
    for (const link of mine) {
      const mirror = mirrors.find((m) => m.id === link.mirrorId)!;
      const survey = surveys.get(mirror.surveyId);
      if (!survey) continue;
      for (const periodStart of openPeriods(mirror.period, mirror.graceDays, now, timeZone)) {
        const answer = given.find((a) => a.mirrorId === mirror.id && a.touchpointId === link.touchpointId && a.periodStart === periodStart);
        items.push({
          mirrorId: mirror.id,
          mirrorName: mirror.name,
          touchpointId: link.touchpointId,
          touchpointName: staff.get(`${link.mirrorId}:${link.touchpointId}`)!.name,
          periodStart,
          closesAt: periodClosesAt(mirror.period, periodStart, mirror.graceDays, timeZone).toISOString(),
          questions: mirrorQuestions(survey.questions, mirror.prefix),
          answers: (answer?.answers as Record<string, number> | undefined) ?? null,
        });
      }
    }
    return { items, pending: items.filter((i) => i.answers === null).length };
  }

  /** Stores (or replaces) the person's answers for a touchpoint and an open period, checked by the survey's answer rules. */
  async submit(
    workspaceId: string,
    userId: string,
    mirrorId: string,
    body: SubmitMirrorAnswersDto,
    now = new Date(),
  ): Promise<SubmitMirrorResultDto> {
    const mirror = await this.mirrorOr404(workspaceId, mirrorId);
    if (!mirror.active) throw conflict('mirror_inactive', 'This mirror is paused and takes no answers');
    const [link] = (await this.repo.linksOf(workspaceId, [mirrorId])).filter((l) => l.touchpointId === body.touchpointId);
    if (!link) throw notFound('Touchpoint of this mirror');
    const staff = (await this.staff.ofLinks(workspaceId, [link])).get(`${mirrorId}:${body.touchpointId}`);
    if (!staff?.staff.some((p) => p.id === userId)) {
      throw forbidden("Only the touchpoint's owner, backup owner, team and the staff an admin added answer its mirror");
    }
    const timeZone = await this.timeZone(workspaceId);
    const periodStart = body.periodStart ?? periodStartOf(mirror.period, now, timeZone);
    if (!openPeriods(mirror.period, mirror.graceDays, now, timeZone).includes(periodStart)) {
      throw new ApiError(HttpStatus.CONFLICT, 'period_closed', `The period ${periodStart} is closed (or not open yet) for answers`);
    }
    const survey = await this.surveys.findById(workspaceId, mirror.surveyId);
    if (!survey) throw notFound('Survey');
    const answers = body.answers as Record<string, unknown>;
    const problems = checkAnswers(staffAnswerRules(survey.questions as Question[]), answers as never, true);
    if (problems.length > 0) throw validationError(problems.slice(0, 20));
    const saved = await this.repo.saveAnswers(
      {
        workspaceId,
        mirrorId,
        touchpointId: body.touchpointId,
        userId,
        periodStart,
        surveyVersion: survey.currentVersion,
        answers: body.answers,
      },
      { surveyId: mirror.surveyId, period: mirror.period },
    );
    if (!saved) {
      throw conflict(
        'mirror_changed',
        'This mirror was changed or paused while you answered (its survey or period is different now). Reload it and answer again.',
      );
    }
    return { periodStart, replaced: saved.replaced };
  }

  /**
   * Answers for any period, closed ones too, checked by the survey's answer rules but not by staff membership or the
   * period's window: for back-filling history (the demo). Not reachable over HTTP.
   */
  async recordHistory(
    workspaceId: string,
    row: { mirrorId: string; touchpointId: string; userId: string; periodStart: string; answers: Record<string, number> },
  ): Promise<void> {
    const mirror = await this.mirrorOr404(workspaceId, row.mirrorId);
    const survey = await this.surveys.findById(workspaceId, mirror.surveyId);
    if (!survey) throw notFound('Survey');
    const problems = checkAnswers(staffAnswerRules(survey.questions as Question[]), row.answers as never, true);
    if (problems.length > 0) throw validationError(problems.slice(0, 20));
    const saved = await this.repo.saveAnswers(
      { workspaceId, ...row, surveyVersion: survey.currentVersion },
      { surveyId: mirror.surveyId, period: mirror.period },
    );
    if (!saved) throw conflict('mirror_changed', 'The mirror changed or was paused while its history was recorded');
  }

  async mirrorOr404(workspaceId: string, id: string): Promise<MirrorSurveyEntity> {
    const mirror = await this.repo.find(workspaceId, id);
    if (!mirror) throw notFound('Mirror');
    return mirror;
  }

  private async surveysOf(workspaceId: string, mirrors: MirrorSurveyEntity[]): Promise<Map<string, SurveyRow>> {
    const wanted = new Set(mirrors.map((m) => m.surveyId));
    if (wanted.size === 0) return new Map();
    return new Map((await this.surveys.list(workspaceId)).filter((s) => wanted.has(s.id)).map((s) => [s.id, s]));
  }

  /** Touchpoints must be the workspace's, each once; extra staff must be members, and only admins add them. */
  private async checkTouchpoints(workspaceId: string, role: Role | null, input: MirrorTouchpointInputDto[], mirrorId?: string) {
    const ids = input.map((t) => t.id);
    if (new Set(ids).size !== ids.length) throw validationError([{ field: 'touchpoints', message: 'touchpoints must not repeat' }]);
    const found = await this.staff.ofLinks(
      workspaceId,
      ids.map((touchpointId) => ({ mirrorId: '', touchpointId, extraStaffIds: [] })),
    );
    const unknown = ids.filter((id) => !found.has(`:${id}`));
    if (unknown.length > 0) {
      throw validationError([{ field: 'touchpoints', message: `not touchpoints of this workspace: ${unknown.join(', ')}` }]);
    }
    const previous = mirrorId ? await this.repo.linksOf(workspaceId, [mirrorId]) : [];
    const extras = input.map((t) => ({
      touchpointId: t.id,
      extraStaffIds: t.extraStaffIds ?? previous.find((p) => p.touchpointId === t.id)?.extraStaffIds ?? [],
    }));
    const changedExtras = extras.some((e) => {
      const before = previous.find((p) => p.touchpointId === e.touchpointId)?.extraStaffIds ?? [];
      return e.extraStaffIds.length !== before.length || e.extraStaffIds.some((id) => !before.includes(id));
    });
    if (changedExtras && role !== 'admin') throw forbidden('Only admins add or remove extra staff of a mirror');
    const strangers = await this.staff.nonMembers(workspaceId, [...new Set(extras.flatMap((e) => e.extraStaffIds))]);
    if (strangers.length > 0) {
      throw validationError([
        { field: 'touchpoints', message: `extraStaffIds are not members of this workspace: ${strangers.join(', ')}` },
      ]);
    }
    return extras;
  }

  private async toDtos(workspaceId: string, mirrors: MirrorSurveyEntity[], now = new Date()): Promise<MirrorDto[]> {
    const links = await this.repo.linksOf(
      workspaceId,
      mirrors.map((m) => m.id),
    );
    const staff = await this.staff.ofLinks(workspaceId, links);
    const surveys = await this.surveysOf(workspaceId, mirrors);
    const timeZone = await this.timeZone(workspaceId);
    const current = [...new Set(mirrors.map((m) => periodStartOf(m.period, now, timeZone)))];
    const answered = await this.repo.answeredBy(
      workspaceId,
      mirrors.map((m) => m.id),
      current,
    );
    return mirrors.map((m) => {
      const period = periodStartOf(m.period, now, timeZone);
      const survey = surveys.get(m.surveyId);
      return {
        id: m.id,
        name: m.name,
        surveyId: m.surveyId,
        surveyName: survey?.name ?? '',
        prefix: m.prefix,
        period: m.period,
        graceDays: m.graceDays,
        blindSpotRating: m.blindSpotRating,
        blindSpotNps: m.blindSpotNps,
        active: m.active,
        currentPeriod: period,
        questions: survey ? mirrorQuestions(survey.questions, m.prefix) : [],
        timeZone,
        createdAt: m.createdAt.toISOString(),
        updatedAt: m.updatedAt.toISOString(),
        touchpoints: links
          .filter((l) => l.mirrorId === m.id && staff.has(`${m.id}:${l.touchpointId}`))
          .map((l) => {
            const s = staff.get(`${m.id}:${l.touchpointId}`)!;
            const ids = new Set(s.staff.map((p) => p.id));
            const count = new Set(
              answered
                .filter((a) => a.mirrorId === m.id && a.touchpointId === l.touchpointId && a.periodStart === period && ids.has(a.userId))
                .map((a) => a.userId),
            ).size;
            return {
              id: l.touchpointId,
              name: s.name,
              extraStaffIds: l.extraStaffIds,
              staff: s.staff,
              answered: count,
              responseRate: s.staff.length === 0 ? null : Math.round((count / s.staff.length) * 1000) / 1000,
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
    });
  }
}
