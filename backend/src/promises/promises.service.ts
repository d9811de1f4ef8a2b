import { HttpStatus, Injectable } from '@nestjs/common';
import { CasesForPromises } from '../cases/cases-for-promises';
import { ApiError, conflict, notFound, type FieldError } from '../common/http/api-error';
import { MembershipsReader } from '../members/memberships.reader';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { PromiseCalendars } from './promise-calendars';
import { dueFrom, remindAtFor, type DueIn } from './promise-clock';
import { DEFAULT_REMIND_BEFORE_MINUTES, type PromiseSourceRef, type PromiseStatus } from './promise-rules';
import { PromisesRepository, type PromiseEdit, type PromiseFilter, type PromiseRow } from './promises.repository';

/** Who acts: a person, an API token (no user) or the system. */
export interface PromiseActor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  tokenId?: string;
}

export interface CreatePromiseInput {
  text: string;
  source: 'manual' | 'case_reply' | 'api';
  ownerId?: string;
  caseId?: string;
  caseEventId?: string;
  customerExternalId?: string;
  touchpointId?: string;
  /** Exactly one of dueAt / dueIn. */
  dueAt?: Date;
  dueIn?: DueIn;
  /** Business minutes before the due time; default 2 business hours, 0 for no reminder. */
  remindBeforeMinutes?: number;
}

export interface UpdatePromiseInput {
  version: number;
  text?: string;
  ownerId?: string;
  dueAt?: Date;
  dueIn?: DueIn;
}

export interface ImprovementStepInput {
  touchpointId: string | null;
  ownerId: string;
  text: string;
  dueAt: Date;
  auditRef: { criterionId: string; month: string /* YYYY-MM */ };
}

export interface AuditStep {
  id: string;
  status: PromiseStatus;
  dueAt: Date;
  ownerId: string | null;
  text: string;
  auditRef: { criterionId: string; month: string };
}

/** A due time further ahead than this is a typo, not a promise. */
const MAX_AHEAD_MS = 2 * 366 * 24 * 3600_000;
/** A due time this far in the past still counts as "now" (clock skew between the browser and the server). */
const PAST_TOLERANCE_MS = 60_000;

export const invalidPromise = (details: FieldError[]) =>
  new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `Invalid request: ${details.map((d) => d.message).join('; ')}`, details);

/**
 * The promise register's rules: what a promise is tied to (case, customer, touchpoint), who must keep it, its due
 * and reminder times on the SLA clock, and the traffic-light audit's improvement steps (source 'audit').
 */
@Injectable()
export class PromisesService {
  constructor(
    private readonly promises: PromisesRepository,
    private readonly cases: CasesForPromises,
    private readonly calendars: PromiseCalendars,
    private readonly memberships: MembershipsReader,
    private readonly touchpoints: TouchpointsReader,
  ) {}

  async create(workspaceId: string, actor: PromiseActor, input: CreatePromiseInput, now = new Date()): Promise<PromiseRow> {
    const theCase = input.caseId ? await this.cases.find(workspaceId, input.caseId) : null;
    if (input.caseId && !theCase) throw invalidPromise([{ field: 'caseId', message: 'caseId is not a case of this workspace' }]);
    const sourceRef: PromiseSourceRef = {};
    if (input.source === 'case_reply') {
      if (!theCase || !input.caseEventId)
        throw invalidPromise([{ field: 'caseEventId', message: "a promise from a case reply needs caseId and the reply's caseEventId" }]);
      const reply = await this.cases.reply(workspaceId, theCase.id, input.caseEventId);
      if (!reply) throw invalidPromise([{ field: 'caseEventId', message: 'caseEventId is not one of our replies on this case' }]);
      const existing = await this.promises.idByCaseReply(workspaceId, reply.id);
      if (existing) throw alreadyPromised(existing);
      sourceRef.caseEventId = reply.id;
    }
    const touchpointId = input.touchpointId ?? theCase?.touchpointId ?? null;
    if (input.touchpointId && !(await this.touchpoints.routingTouchpoint(workspaceId, input.touchpointId)))
      throw invalidPromise([{ field: 'touchpointId', message: 'touchpointId is not a touchpoint of this workspace' }]);
    const customerExternalId = input.customerExternalId ?? theCase?.customerExternalId ?? null;
    if (!customerExternalId && !theCase)
      throw invalidPromise([{ field: 'customerExternalId', message: 'a promise to a customer needs customerExternalId or caseId' }]);
    const ownerId = await this.ownerFor(workspaceId, input.ownerId ?? actor.userId ?? theCase?.ownerId ?? null);

    const calendar = await this.calendars.forPromise(workspaceId, theCase, touchpointId);
    const dueAt = this.dueAt(input, now, calendar);
    const remindAt = remindAtFor(now, dueAt, input.remindBeforeMinutes ?? DEFAULT_REMIND_BEFORE_MINUTES, calendar);
    const id = await this.promises.transaction(async (manager) => {
      const inserted = await this.promises.insert(
        workspaceId,
        { text: input.text, promisedBy: actor.userId, ownerId, customerExternalId, caseId: theCase?.id ?? null },
        { touchpointId, source: input.source, sourceRef, dueAt, remindAt },
        manager,
      );
      // The case's trail says a promise was made (the case page lists the promises themselves).
      if (inserted && theCase)
        await this.cases.addEvent(manager, workspaceId, theCase.id, actor, 'promise_made', {
          promiseId: inserted,
          text: input.text,
          dueAt: dueAt.toISOString(),
          ownerId,
        });
      return inserted;
    });
    // The unique index caught a second click on the same reply racing this one.
    if (!id) throw alreadyPromised((await this.promises.idByCaseReply(workspaceId, sourceRef.caseEventId!)) ?? '');
    return this.get(workspaceId, id);
  }

  /** The traffic-light audit's improvement step for a red cell: a promise of the team, with no customer. */
  async createImprovementStep(workspaceId: string, actor: { userId: string | null }, input: ImprovementStepInput): Promise<{ id: string }> {
    const ownerId = await this.ownerFor(workspaceId, input.ownerId);
    const calendar = await this.calendars.forPromise(workspaceId, null, input.touchpointId);
    const id = await this.promises.insert(
      workspaceId,
      { text: input.text, promisedBy: actor.userId, ownerId, customerExternalId: null, caseId: null },
      {
        touchpointId: input.touchpointId,
        source: 'audit',
        sourceRef: { auditCriterionId: input.auditRef.criterionId, month: input.auditRef.month },
        dueAt: input.dueAt,
        remindAt: remindAtFor(new Date(), input.dueAt, DEFAULT_REMIND_BEFORE_MINUTES, calendar),
      },
    );
    return { id: id! };
  }

  /** The improvement steps recorded for these audit criteria, oldest first. */
  async listByAuditRefs(workspaceId: string, criterionIds: string[]): Promise<AuditStep[]> {
    if (criterionIds.length === 0) return [];
    const rows = await this.promises.byAuditCriteria(workspaceId, criterionIds);
    return rows.map((p) => ({
      id: p.id,
      status: p.status,
      dueAt: p.dueAt,
      ownerId: p.ownerId,
      text: p.text,
      auditRef: { criterionId: p.sourceRef.auditCriterionId ?? '', month: p.sourceRef.month ?? '' },
    }));
  }

  /**
   * Changes the text, owner or due time of an open promise. Stale-safe: the caller sends the version it read, and
   * a promise changed since (by someone else, or kept meanwhile) answers 409 with nothing changed. A new due time
   * moves the reminder and re-arms it.
   */
  async update(workspaceId: string, id: string, input: UpdatePromiseInput, now = new Date()): Promise<PromiseRow> {
    const current = await this.get(workspaceId, id);
    if (current.status !== 'open') throw notOpen(current.status);
    const edit: PromiseEdit = {};
    if (input.text !== undefined) edit.text = input.text;
    if (input.ownerId !== undefined) edit.ownerId = await this.ownerFor(workspaceId, input.ownerId);
    if (input.dueAt !== undefined || input.dueIn !== undefined) {
      const theCase = current.caseId ? await this.cases.find(workspaceId, current.caseId) : null;
      const calendar = await this.calendars.forPromise(workspaceId, theCase, current.touchpointId);
      edit.dueAt = this.dueAt(input, now, calendar);
      edit.remindAt = remindAtFor(now, edit.dueAt, DEFAULT_REMIND_BEFORE_MINUTES, calendar);
      edit.remindedAt = null;
    }
    if (!(await this.promises.edit(workspaceId, id, input.version, edit))) {
      const latest = await this.get(workspaceId, id);
      if (latest.status !== 'open') throw notOpen(latest.status);
      throw conflict('stale_promise', `The promise was changed by someone else (now version ${latest.version}): reload it and try again`);
    }
    return this.get(workspaceId, id);
  }

  /** Kept, broken or cancelled, with who and a note; once only (a second click or another person gets 409). */
  async resolve(
    workspaceId: string,
    id: string,
    actor: PromiseActor,
    outcome: { outcome: 'kept' | 'broken' | 'cancelled'; note?: string },
    now = new Date(),
  ): Promise<PromiseRow> {
    const current = await this.get(workspaceId, id);
    const done = await this.promises.transaction(async (manager) => {
      const changed = await this.promises.resolve(manager, workspaceId, id, {
        status: outcome.outcome,
        at: now,
        by: actor.userId,
        note: outcome.note || null,
      });
      if (changed && current.caseId)
        await this.cases.addEvent(manager, workspaceId, current.caseId, actor, `promise_${outcome.outcome}`, {
          promiseId: id,
          text: current.text,
          dueAt: current.dueAt.toISOString(),
          late: outcome.outcome === 'kept' && now.getTime() > current.dueAt.getTime(),
          ...(outcome.note ? { note: outcome.note } : {}),
        });
      return changed;
    });
    if (!done) throw notOpen((await this.get(workspaceId, id)).status);
    return this.get(workspaceId, id);
  }

  async list(
    workspaceId: string,
    filter: PromiseFilter,
    limit: number,
    after: { at: Date; id: string } | undefined,
    now = new Date(),
  ): Promise<{ rows: PromiseRow[]; total: number; more: boolean }> {
    const [rows, total] = await Promise.all([
      this.promises.page(workspaceId, filter, now, limit + 1, after),
      this.promises.count(workspaceId, filter, now),
    ]);
    return { rows: rows.slice(0, limit), total, more: rows.length > limit };
  }

  /** Every promise of the filter for the CSV, in register order (at most `cap`). */
  all(workspaceId: string, filter: PromiseFilter, cap: number, now = new Date()): Promise<PromiseRow[]> {
    return this.promises.all(workspaceId, filter, now, cap);
  }

  async get(workspaceId: string, id: string): Promise<PromiseRow> {
    const found = await this.promises.find(workspaceId, id);
    if (!found) throw notFound('Promise');
    return found;
  }

  /** The owner must be a member of the workspace (a person who left cannot keep a promise). */
  private async ownerFor(workspaceId: string, ownerId: string | null): Promise<string> {
    if (!ownerId) throw invalidPromise([{ field: 'ownerId', message: 'ownerId is required when an API token makes the promise' }]);
    if (!(await this.memberships.isMember(workspaceId, ownerId)))
      throw invalidPromise([{ field: 'ownerId', message: 'ownerId is not a member of this workspace' }]);
    return ownerId;
  }

  private dueAt(input: Pick<CreatePromiseInput, 'dueAt' | 'dueIn'>, now: Date, calendar: Parameters<typeof dueFrom>[2]): Date {
    if ((input.dueAt === undefined) === (input.dueIn === undefined))
      throw invalidPromise([{ field: 'dueAt', message: 'give exactly one of dueAt (a time) or dueIn (business hours or days)' }]);
    const due = input.dueAt ?? dueFrom(now, input.dueIn!, calendar);
    if (due.getTime() < now.getTime() - PAST_TOLERANCE_MS) throw invalidPromise([{ field: 'dueAt', message: 'dueAt is in the past' }]);
    if (due.getTime() > now.getTime() + MAX_AHEAD_MS)
      throw invalidPromise([{ field: 'dueAt', message: 'dueAt is more than two years ahead' }]);
    return due;
  }
}

const notOpen = (status: string) => conflict('promise_not_open', `The promise is already ${status}: it can no longer change`);

const alreadyPromised = (id: string) =>
  conflict('already_promised', `This reply is already a promise (${id}): open it in the register to change it`);
