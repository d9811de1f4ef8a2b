import { ResponsesReader } from '../responses/responses.reader';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { optionalProvider } from '../common/nest/optional-provider';
import { MembershipsReader } from '../members/memberships.reader';
import { SurveysReader, type TouchpointLinkedSurvey } from '../surveys/surveys.reader';
import { conflict, FieldError, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { TOUCHPOINT_CASE_STATS, TouchpointCaseFigures, TouchpointCaseStats } from './case-stats.port';
import { TOUCHPOINT_OWNER_CHANGED, type TouchpointOwnerChange } from './owner-change.port';
import { emptyScores, scoresByTouchpoint } from './journey-scores';
import { SlaPoliciesService } from './sla-policies.service';
import { TouchpointPeople } from './touchpoint-people';
import {
  CreateTouchpointDto,
  JourneyDto,
  LinkedSurveyDto,
  ReorderTouchpointsDto,
  TOUCHPOINT_STAGES,
  TouchpointDto,
  UpdateTouchpointDto,
} from './touchpoints.dto';
import { TouchpointsRepository, TouchpointValues } from './touchpoints.repository';

const DAY_MS = 86_400_000;
/** Scores compare the last 30 days with the 30 days before. */
export const SCORE_WINDOW_DAYS = 30;

/** Each touchpoint's linked surveys (surveys link by the touchpoint's exact name), in the surveys' order. */
function linkByName(touchpoints: Pick<TouchpointDto, 'id' | 'name'>[], surveys: TouchpointLinkedSurvey[]): Map<string, LinkedSurveyDto[]> {
  const idByName = new Map(touchpoints.map((t) => [t.name, t.id]));
  const out = new Map<string, LinkedSurveyDto[]>();
  for (const { touchpointName, id, name, kind, status } of surveys) {
    const touchpointId = touchpointName === null ? undefined : idByName.get(touchpointName);
    if (touchpointId) out.set(touchpointId, [...(out.get(touchpointId) ?? []), { id, name, kind, status }]);
  }
  return out;
}

/** The touchpoint registry and the journey map built from it. */
@Injectable()
export class TouchpointsService {
  constructor(
    private readonly touchpoints: TouchpointsRepository,
    private readonly responsesReader: ResponsesReader,
    private readonly policies: SlaPoliciesService,
    private readonly people: TouchpointPeople,
    private readonly memberships: MembershipsReader,
    private readonly surveys: SurveysReader,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(TOUCHPOINT_CASE_STATS) private readonly injectedCaseStats?: TouchpointCaseStats,
  ) {}

  async list(workspaceId: string): Promise<TouchpointDto[]> {
    await this.policies.getDefault(workspaceId); // so slaPolicyName of touchpoints without a policy is filled
    return this.people.toDtos(workspaceId, await this.touchpoints.list(workspaceId));
  }

  async get(workspaceId: string, id: string): Promise<TouchpointDto> {
    await this.policies.getDefault(workspaceId);
    const found = await this.touchpoints.find(workspaceId, id);
    if (!found) throw notFound('Touchpoint');
    const [dto] = await this.people.toDtos(workspaceId, [found]);
    return dto;
  }

  async create(workspaceId: string, input: CreateTouchpointDto): Promise<TouchpointDto> {
    const values: TouchpointValues = {
      name: input.name,
      stage: input.stage,
      kind: input.kind ?? 'business',
      category: input.category || null,
      channel: input.channel ?? 'other',
      ownerId: input.ownerId ?? null,
      backupOwnerId: input.backupOwnerId ?? null,
      teamIds: input.teamIds ?? [],
      regulation: input.regulation ?? '',
      slaPolicyId: input.slaPolicyId ?? null,
      position: input.position ?? (await this.touchpoints.nextPosition(workspaceId, input.stage)),
    };
    await this.assertValid(workspaceId, values, null, true);
    let id: string;
    try {
      id = await this.touchpoints.insert(workspaceId, values);
    } catch (error) {
      throw uniqueViolation(error) ? this.nameConflict(values.name) : error;
    }
    return this.get(workspaceId, id);
  }

  async update(workspaceId: string, id: string, input: UpdateTouchpointDto): Promise<TouchpointDto> {
    const current = await this.get(workspaceId, id);
    const values: TouchpointValues = {
      name: input.name ?? current.name,
      stage: input.stage ?? current.stage,
      kind: input.kind ?? current.kind,
      category: input.category === undefined ? current.category : input.category || null,
      channel: input.channel ?? current.channel,
      ownerId: input.ownerId === undefined ? (current.owner?.id ?? null) : input.ownerId,
      backupOwnerId: input.backupOwnerId === undefined ? (current.backupOwner?.id ?? null) : input.backupOwnerId,
      // Left out: the stored team stays as it is (members who left included, so they come back if re-invited).
      teamIds: input.teamIds ?? (await this.touchpoints.storedTeam(workspaceId, id)),
      regulation: input.regulation ?? current.regulation,
      slaPolicyId: input.slaPolicyId === undefined ? current.slaPolicyId : input.slaPolicyId,
      position: input.position ?? current.position,
    };
    await this.assertValid(workspaceId, values, id, input.teamIds !== undefined);
    try {
      await this.touchpoints.transaction(async (manager) => {
        await this.touchpoints.update(workspaceId, id, values, manager);
        // Surveys link by name: rename them in the same transaction so the link never breaks.
        if (values.name !== current.name) await this.surveys.renameTouchpointLinks(workspaceId, current.name, values.name, manager);
        // A new owner takes the cases that waited here unassigned, in this transaction (cases module, if present).
        if (values.ownerId && values.ownerId !== (current.owner?.id ?? null)) {
          await optionalProvider<TouchpointOwnerChange>(this.moduleRef, TOUCHPOINT_OWNER_CHANGED)?.ownerSet(
            manager,
            workspaceId,
            id,
            values.ownerId,
          );
        }
      });
    } catch (error) {
      throw uniqueViolation(error) ? this.nameConflict(values.name) : error;
    }
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.touchpoints.delete(workspaceId, id))) throw notFound('Touchpoint');
  }

  async reorder(workspaceId: string, input: ReorderTouchpointsDto): Promise<TouchpointDto[]> {
    const ids = [...new Set(input.ids)];
    if (ids.length !== input.ids.length) throw validationError([{ field: 'ids', message: 'ids must not repeat' }]);
    if ((await this.touchpoints.countExisting(workspaceId, ids)) !== ids.length)
      throw validationError([{ field: 'ids', message: 'ids must all be touchpoints of this workspace' }]);
    await this.touchpoints.reorder(workspaceId, input.stage, ids);
    return this.list(workspaceId);
  }

  /** Stages in journey order with their touchpoints, scores, case figures and linked surveys. */
  async journey(workspaceId: string, asOf: Date): Promise<JourneyDto> {
    const splitAt = new Date(asOf.getTime() - SCORE_WINDOW_DAYS * DAY_MS);
    const from = new Date(asOf.getTime() - 2 * SCORE_WINDOW_DAYS * DAY_MS);
    const [list, surveys, rows, cases] = await Promise.all([
      this.list(workspaceId),
      this.surveys.linkedToTouchpoints(workspaceId),
      this.responsesReader.touchpointScores(workspaceId, from, asOf),
      this.caseStats(workspaceId),
    ]);
    const scores = scoresByTouchpoint(rows, splitAt);
    const surveysByTouchpoint = linkByName(list, surveys);
    return {
      asOf,
      stages: TOUCHPOINT_STAGES.map((stage) => ({
        stage,
        touchpoints: list
          .filter((t) => t.stage === stage)
          .map((t) => ({
            ...t,
            scores: scores.get(t.id) ?? emptyScores(),
            cases: cases ? (cases.get(t.id) ?? { open: 0, breached: 0, compliance: null }) : null,
            surveys: surveysByTouchpoint.get(t.id) ?? [],
          })),
      })),
    };
  }

  /** Case figures from the cases module when it provides TOUCHPOINT_CASE_STATS; null when it does not. */
  private async caseStats(workspaceId: string): Promise<Map<string, TouchpointCaseFigures> | null> {
    const provider = this.injectedCaseStats ?? this.lookupCaseStats();
    return provider ? provider.statsByTouchpoint(workspaceId) : null;
  }

  /** No cases module: null, and the journey simply shows no case figures. */
  private lookupCaseStats(): TouchpointCaseStats | null {
    return optionalProvider<TouchpointCaseStats>(this.moduleRef, TOUCHPOINT_CASE_STATS);
  }

  /** teamChanged: the request sets the team (a stored team may hold people who have since left; that is not an error). */
  private async assertValid(workspaceId: string, v: TouchpointValues, id: string | null, teamChanged: boolean): Promise<void> {
    const problems: FieldError[] = [];
    const people = [v.ownerId, v.backupOwnerId, ...v.teamIds].filter((x): x is string => !!x);
    const members = new Set(await this.memberships.membersAmong(workspaceId, people));
    if (v.ownerId && !members.has(v.ownerId)) problems.push({ field: 'ownerId', message: 'ownerId must be a member of this workspace' });
    if (v.backupOwnerId && !members.has(v.backupOwnerId))
      problems.push({ field: 'backupOwnerId', message: 'backupOwnerId must be a member of this workspace' });
    if (v.teamIds.length && teamChanged) {
      const repeated = v.teamIds.filter((x, i) => v.teamIds.indexOf(x) !== i);
      const outsiders = v.teamIds.filter((x) => !members.has(x));
      if (repeated.length) problems.push({ field: 'teamIds', message: `teamIds lists ${repeated[0]} more than once` });
      if (outsiders.length)
        problems.push({
          field: 'teamIds',
          message: `${outsiders.join(', ')} ${outsiders.length === 1 ? 'is not a member' : 'are not members'} of this workspace`,
        });
    }
    if (v.ownerId && v.ownerId === v.backupOwnerId)
      problems.push({ field: 'backupOwnerId', message: 'the backup owner must be someone other than the owner' });
    if (v.slaPolicyId && !(await this.touchpoints.policyExists(workspaceId, v.slaPolicyId))) {
      problems.push({ field: 'slaPolicyId', message: 'slaPolicyId is not an SLA policy of this workspace' });
    }
    if (problems.length) throw validationError(problems, 'touchpoint');
    if (await this.touchpoints.nameTaken(workspaceId, v.name, id)) throw this.nameConflict(v.name);
  }

  private nameConflict(name: string) {
    return conflict('touchpoint_exists', `A touchpoint named "${name}" already exists; pick another name.`);
  }
}

function uniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505' || (error as { driverError?: { code?: string } })?.driverError?.code === '23505';
}
