import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiError, conflict, notFound } from '../common/http/api-error';
import { ChurnReader } from '../churn/churn.reader';
import { CustomersReader } from '../customers/customers.reader';
import { MembershipsReader } from '../members/memberships.reader';
import { WebhookEvents } from '../webhooks/webhook-events';
import { RoutingTouchpoint, TouchpointsReader } from '../touchpoints/touchpoints.reader';
import type { MessageChannel } from '../messaging/message-types';
import { CaseReplyDelivery, type ReplyDelivery } from './replies/case-reply-delivery';
import { CaseSource, channelForSource, priorityFor, REOPEN_AT_OR_BELOW, REPEAT_WINDOW_DAYS, roundRobin } from './case-rules';
import { CaseSlaService } from './case-sla.service';
import type { StoredPause } from './case-timers';
import { Actor, CaseRow, CaseUpdate, CasesRepository, SYSTEM, type TouchpointCaseCounts } from './cases.repository';
import { CaseRoutingHopsRepository } from './routing/case-routing-hops.repository';
import type { HopReason, RoutingRule } from './routing/routing-reasons';

export interface OpenCaseInput {
  title: string;
  /** Automatic cases: the key (cases.title.<key> in the dashboard) and parameters the English `title` was written from. */
  titleKey?: string | null;
  titleParams?: Record<string, unknown>;
  description?: string;
  source: CaseSource;
  sourceId?: string | null;
  touchpointId?: string | null;
  customerExternalId?: string | null;
  channel?: string | null;
  priority?: string | null;
  ownerId?: string | null;
  openedAt: Date;
}

export interface ReplyInput {
  text: string;
  channel?: string;
  /** 'agent' (default): our reply, the first one meets the first-response target; 'customer': resumes a paused case. */
  from?: 'agent' | 'customer';
  /** After our reply, wait on the customer (pauses the timers). */
  waitForCustomer?: boolean;
  /** Our reply: send it to the customer in their channel (the API's default); false or left out here: only log it. */
  send?: boolean;
  /** The link of our public answer to a mention (recorded as a `public` message). */
  publicUrl?: string | null;
  /** The agent's choice of channel, instead of the customer's own. */
  via?: MessageChannel | null;
  /** The customer's reply arrived as this inbound message (its row id): the thread shows it, the event links it. */
  inboundMessageId?: string | null;
}

export interface PatchInput {
  ownerId?: string | null;
  /** Moves the case to another touchpoint; without ownerId its routing picks the owner there. */
  touchpointId?: string;
  priority?: string;
  status?: 'open' | 'waiting_customer';
  /** Why the case moves (recorded on the routing hop); 'other' when not given. */
  reassignReason?: HopReason;
}

export interface CloseInput {
  rootCause?: string;
  actionTaken?: string;
  churnReasonKey?: string;
}

const OPEN_STATES = ['open', 'waiting_customer'];

const badRequest = (problems: { field: string; message: string }[]) =>
  new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `Invalid request: ${problems.map((p) => p.message).join('; ')}`, problems);

/** Webhook payload for case events: what a receiver needs to act without calling back. */
export function caseEventData(c: CaseRow, extra: Record<string, unknown> = {}) {
  return {
    caseId: c.id,
    number: c.number,
    title: c.title,
    source: c.source,
    sourceId: c.sourceId,
    touchpointId: c.touchpointId,
    customerId: c.customerExternalId,
    priority: c.priority,
    status: c.status,
    ownerId: c.ownerId,
    escalatedTo: c.escalatedTo,
    ...extra,
  };
}

/** Cases: opening (routing, priority, timers), replies, pauses, assignment, closing and the follow-up CSAT. */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly touchpoints: TouchpointsReader,
    private readonly sla: CaseSlaService,
    private readonly webhooks: WebhookEvents,
    private readonly memberships: MembershipsReader,
    private readonly customers: CustomersReader,
    private readonly churn: ChurnReader,
    private readonly hops: CaseRoutingHopsRepository,
    private readonly delivery: CaseReplyDelivery,
  ) {}

  /** Who a case at `touchpoint` goes to: round robin over its team, else its owner, else no one. */
  private async routeAt(
    manager: EntityManager,
    workspaceId: string,
    touchpoint: RoutingTouchpoint | null,
  ): Promise<{ ownerId: string | null; routedBy: RoutingRule }> {
    if (touchpoint && touchpoint.team.length > 0) {
      const cursor = await this.cases.takeRoundRobin(manager, workspaceId, touchpoint.id);
      return { ownerId: roundRobin(touchpoint.team, cursor).ownerId, routedBy: 'round_robin' };
    }
    if (touchpoint?.ownerId) return { ownerId: touchpoint.ownerId, routedBy: 'touchpoint_owner' };
    return { ownerId: null, routedBy: 'unassigned' };
  }

  /**
   * Opens a case: routes it (explicit owner, else round robin over the touchpoint's team, else its owner, else
   * unassigned), sets the priority by the rules unless given, and starts the timers. Returns null when the source
   * already has a case (so each source opens one case, also across replicas).
   */
  async open(workspaceId: string, input: OpenCaseInput, actor: Actor): Promise<string | null> {
    const touchpoint = input.touchpointId ? await this.touchpoints.routingTouchpoint(workspaceId, input.touchpointId) : null;
    const channel = input.channel ?? (touchpoint && touchpoint.channel !== 'other' ? touchpoint.channel : channelForSource(input.source));
    const sla = await this.sla.forNewCase(workspaceId, touchpoint?.slaPolicyId ?? null);
    const settings = await this.cases.settings(workspaceId);
    const customer = input.customerExternalId ? await this.customers.standing(workspaceId, input.customerExternalId) : null;
    const duplicate = Symbol('duplicate');
    try {
      return await this.cases.transaction(async (manager) => {
        const repeated = input.customerExternalId
          ? await this.cases.hasRecentCase(manager, workspaceId, input.customerExternalId, input.openedAt, REPEAT_WINDOW_DAYS)
          : false;
        const rules = priorityFor({
          source: input.source,
          customerMrr: customer?.mrr ?? null,
          highMrrThreshold: settings.highMrrThreshold,
          repeated,
        });
        const priority = input.priority ?? rules.priority;
        const priorityReasons = input.priority ? ['set_by_hand'] : rules.reasons;
        const { ownerId, routedBy } = input.ownerId
          ? { ownerId: input.ownerId, routedBy: 'explicit' as const }
          : await this.routeAt(manager, workspaceId, touchpoint);
        const number = await this.cases.nextNumber(manager, workspaceId);
        const id = await this.cases.insert(manager, workspaceId, {
          number,
          title: input.title,
          titleKey: input.titleKey ?? null,
          titleParams: input.titleParams ?? {},
          description: input.description ?? '',
          source: input.source,
          sourceId: input.sourceId ?? null,
          touchpointId: touchpoint?.id ?? null,
          firstTouchpointId: touchpoint?.id ?? null,
          routedBy,
          customerExternalId: input.customerExternalId ?? null,
          channel,
          priority,
          priorityReasons,
          ownerId,
          slaPolicyId: sla.id,
          openedAt: input.openedAt,
          createdBy: actor.userId,
        });
        if (!id) throw duplicate; // rolls back the number and the round-robin step
        const timers = this.sla.timers(sla, { priority, channel, openedAt: input.openedAt, resolutionStartedAt: input.openedAt }, []);
        await this.cases.update(manager, workspaceId, id, timers);
        await this.cases.addEvent(manager, workspaceId, id, actor, 'opened', {
          source: input.source,
          sourceId: input.sourceId ?? null,
          priority,
          priorityReasons,
          ownerId,
          routedBy,
          channel,
          firstResponseDue: timers.firstResponseDue,
          resolutionDue: timers.resolutionDue,
        });
        return id;
      });
    } catch (error) {
      if (error === duplicate) return null;
      throw error;
    }
  }

  /** The case a source record opened, if any (a caller that lost the race to open it finds the winner's). */
  idBySource(workspaceId: string, source: CaseSource, sourceId: string): Promise<string | null> {
    return this.cases.idBySource(workspaceId, source, sourceId);
  }

  /** Opens a case by hand or from another system; a repeated (source, sourceId) answers 409 with the existing case. */
  async openManual(workspaceId: string, input: OpenCaseInput, actor: Actor): Promise<CaseRow> {
    const problems: { field: string; message: string }[] = [];
    if (input.touchpointId && !(await this.touchpoints.routingTouchpoint(workspaceId, input.touchpointId)))
      problems.push({ field: 'touchpointId', message: 'touchpointId is not a touchpoint of this workspace' });
    if (input.ownerId && !(await this.memberships.isMember(workspaceId, input.ownerId)))
      problems.push({ field: 'ownerId', message: 'ownerId is not a member of this workspace' });
    if (input.openedAt.getTime() > Date.now() + 60_000) problems.push({ field: 'openedAt', message: 'openedAt cannot be in the future' });
    if (problems.length) throw badRequest(problems);
    const id = await this.open(workspaceId, input, actor);
    if (!id) {
      const existing = await this.cases.idBySource(workspaceId, input.source, input.sourceId ?? '');
      throw new ApiError(
        HttpStatus.CONFLICT,
        'case_exists',
        `A case for this ${input.source} record already exists${existing ? ` (${existing})` : ''}`,
      );
    }
    return (await this.cases.find(workspaceId, id))!;
  }

  /** Active cases per touchpoint with breaches and due soon, as the inbox counts them (the home page reads this). */
  countsByTouchpoint(workspaceId: string, now = new Date()): Promise<TouchpointCaseCounts[]> {
    return this.cases.countsByTouchpoint(workspaceId, now);
  }

  async get(workspaceId: string, id: string): Promise<CaseRow> {
    const found = await this.cases.find(workspaceId, id);
    if (!found) throw notFound('Case');
    return found;
  }

  /** Runs a change on a locked, existing case. */
  private async change<T>(workspaceId: string, id: string, work: (manager: EntityManager, c: CaseRow) => Promise<T>): Promise<T> {
    return this.cases.transaction(async (manager) => {
      const c = await this.cases.find(workspaceId, id, manager, true);
      if (!c) throw notFound('Case');
      return work(manager, c);
    });
  }

  /** New pauses and the timers they give. */
  private async retime(
    manager: EntityManager,
    workspaceId: string,
    c: CaseRow,
    pauses: StoredPause[],
    over: Partial<CaseRow> = {},
  ): Promise<CaseUpdate> {
    const sla = await this.sla.forCase(workspaceId, c, manager);
    const next = { ...c, ...over };
    const stamped = this.sla.stampOpenPause(sla, next, pauses);
    return { pauses: stamped, ...this.sla.timers(sla, next, stamped) };
  }

  private pause(c: CaseRow, now: Date): StoredPause[] {
    if (c.pauses.some((p) => p.to === null)) return c.pauses;
    return [...c.pauses, { from: now.toISOString(), to: null }];
  }

  private resume(c: CaseRow, now: Date): StoredPause[] {
    return c.pauses.map((p) =>
      p.to === null ? { from: p.from, to: new Date(Math.max(now.getTime(), Date.parse(p.from))).toISOString() } : p,
    );
  }

  async reply(workspaceId: string, id: string, input: ReplyInput, actor: Actor, now = new Date()): Promise<CaseRow> {
    return (await this.replyAndSend(workspaceId, id, input, actor, now)).case;
  }

  /**
   * Records a reply. Ours, with `send`, is queued to the customer in their channel in the same transaction (or logged
   * with the reason it could not go). A customer's reply that arrives on a closed case is kept on it as a note: it does
   * not reopen the case (a "thank you" must not restart the clock; a low follow-up CSAT reopens it).
   */
  async replyAndSend(
    workspaceId: string,
    id: string,
    input: ReplyInput,
    actor: Actor,
    now = new Date(),
  ): Promise<{ case: CaseRow; delivery: ReplyDelivery | null }> {
    const from = input.from ?? 'agent';
    const sends = from === 'agent' && input.send === true;
    const plan = sends ? await this.delivery.plan(workspaceId, await this.get(workspaceId, id), input) : null;
    let delivery: ReplyDelivery | null = null;
    await this.change(workspaceId, id, async (manager, c) => {
      if (!OPEN_STATES.includes(c.status)) {
        if (from === 'customer' && input.inboundMessageId) {
          await this.cases.addEvent(manager, workspaceId, id, actor, 'reply', {
            from,
            text: input.text,
            channel: input.channel ?? c.channel,
            messageId: input.inboundMessageId,
            afterClose: true,
          });
          return;
        }
        throw conflict('case_not_open', 'The case is closed: reopen it (a low follow-up does) before replying');
      }
      const update: CaseUpdate = {};
      if (from === 'customer') {
        if (c.status === 'waiting_customer')
          Object.assign(update, { status: 'open' }, await this.retime(manager, workspaceId, c, this.resume(c, now)));
      } else {
        if (!c.firstRespondedAt) update.firstRespondedAt = now;
        if (input.waitForCustomer && c.status !== 'waiting_customer')
          Object.assign(update, { status: 'waiting_customer' }, await this.retime(manager, workspaceId, c, this.pause(c, now)));
      }
      await this.cases.update(manager, workspaceId, id, update);
      if (from === 'agent' && plan) delivery = await this.delivery.queue(manager, workspaceId, c, plan, input.text, actor.userId);
      else if (from === 'agent') delivery = { sent: false, channel: null, reason: 'not_requested' };
      await this.cases.addEvent(manager, workspaceId, id, actor, 'reply', {
        from,
        text: input.text,
        channel: input.channel ?? c.channel,
        firstResponse: update.firstRespondedAt !== undefined,
        ...(update.status ? { status: update.status } : {}),
        ...(delivery ? { delivery } : {}),
        ...(input.inboundMessageId ? { messageId: input.inboundMessageId } : {}),
      });
    });
    return { case: await this.get(workspaceId, id), delivery };
  }

  /** How an agent's reply on the case would go out now: channel, address, language, subject (the reply box shows it). */
  async replyPlan(workspaceId: string, id: string, choice: { via?: MessageChannel | null; publicUrl?: string | null }) {
    return this.delivery.plan(workspaceId, await this.get(workspaceId, id), choice);
  }

  /**
   * The case an inbound message from a customer lands on when it does not name one: their most recently opened case
   * that is still open (waiting on them included), or null.
   */
  latestOpenCaseOf(workspaceId: string, customerExternalId: string): Promise<string | null> {
    return this.cases.latestOpenCaseOf(workspaceId, customerExternalId);
  }

  /** Whether the case exists in this workspace (an inbound thread never crosses workspaces). */
  async exists(workspaceId: string, id: string): Promise<boolean> {
    return (await this.cases.find(workspaceId, id)) !== null;
  }

  /**
   * Assign (a member, or null to unassign), move to another touchpoint, change priority (timers follow), or wait on /
   * resume from the customer. A move, or taking the case from an owner, is a routing hop with its reason; an unassigned
   * case getting its owner is not (nobody had it). The case keeps its SLA policy and timers when it moves.
   */
  async patch(workspaceId: string, id: string, input: PatchInput, actor: Actor, now = new Date()): Promise<CaseRow> {
    const problems: { field: string; message: string }[] = [];
    if (input.ownerId && !(await this.memberships.isMember(workspaceId, input.ownerId)))
      problems.push({ field: 'ownerId', message: 'ownerId is not a member of this workspace' });
    const target = input.touchpointId ? await this.touchpoints.routingTouchpoint(workspaceId, input.touchpointId) : null;
    if (input.touchpointId && !target)
      problems.push({ field: 'touchpointId', message: 'touchpointId is not a touchpoint of this workspace' });
    if (problems.length) throw badRequest(problems);
    await this.change(workspaceId, id, async (manager, c) => {
      const update: CaseUpdate = {};
      const changes: Record<string, unknown> = {};
      const reason = input.reassignReason ?? 'other';
      const moves = target !== null && target.id !== c.touchpointId;
      const ownerId = moves && input.ownerId === undefined ? (await this.routeAt(manager, workspaceId, target)).ownerId : input.ownerId;
      const reassigns = ownerId !== undefined && ownerId !== c.ownerId;
      const hop = moves || (reassigns && c.ownerId !== null);
      if (moves && target) {
        update.touchpointId = target.id;
        changes.touchpoint = { from: c.touchpointId, to: target.id, reason };
      }
      if (reassigns) {
        update.ownerId = ownerId;
        changes.owner = { from: c.ownerId, to: ownerId, ...(hop ? { reason } : {}) };
      }
      if (hop) {
        await this.hops.add(
          manager,
          workspaceId,
          {
            caseId: id,
            hoppedAt: now,
            fromTouchpointId: c.touchpointId,
            toTouchpointId: update.touchpointId ?? c.touchpointId,
            fromOwnerId: c.ownerId,
            toOwnerId: reassigns ? ownerId : c.ownerId,
            reason,
          },
          actor,
        );
      }
      let pauses = c.pauses;
      if (input.status !== undefined && input.status !== c.status) {
        if (!OPEN_STATES.includes(c.status)) throw conflict('case_not_open', 'A closed case reopens only through a low follow-up answer');
        pauses = input.status === 'waiting_customer' ? this.pause(c, now) : this.resume(c, now);
        update.status = input.status;
        changes.status = { from: c.status, to: input.status };
      }
      if (input.priority !== undefined && input.priority !== c.priority) {
        update.priority = input.priority;
        changes.priority = { from: c.priority, to: input.priority };
      }
      if (update.status || update.priority)
        Object.assign(update, await this.retime(manager, workspaceId, c, pauses, { priority: update.priority ?? c.priority }));
      if (Object.keys(changes).length === 0) return;
      await this.cases.update(manager, workspaceId, id, update);
      for (const [kind, detail] of Object.entries(changes)) {
        await this.cases.addEvent(
          manager,
          workspaceId,
          id,
          actor,
          kind === 'owner' ? 'assigned' : `${kind}_changed`,
          detail as Record<string, unknown>,
        );
      }
    });
    return this.get(workspaceId, id);
  }

  /** Assigns many cases at once; unknown ids are reported, not fatal. */
  async bulkAssign(
    workspaceId: string,
    ids: string[],
    ownerId: string | null,
    actor: Actor,
    reassignReason?: HopReason,
  ): Promise<{ assigned: string[]; notFound: string[] }> {
    if (ownerId && !(await this.memberships.isMember(workspaceId, ownerId)))
      throw badRequest([{ field: 'ownerId', message: 'ownerId is not a member of this workspace' }]);
    const assigned: string[] = [];
    const missing: string[] = [];
    for (const id of [...new Set(ids)]) {
      try {
        await this.patch(workspaceId, id, { ownerId, reassignReason }, actor);
        assigned.push(id);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_found') missing.push(id);
        else throw error;
      }
    }
    return { assigned, notFound: missing };
  }

  /**
   * Closes a case: root cause and action taken are required, and a churn reason (a key of the churn taxonomy) when
   * the customer left (lifecycle stage 'left', or the case came from a cancellation).
   */
  async close(workspaceId: string, id: string, input: CloseInput, actor: Actor, now = new Date()): Promise<CaseRow> {
    const current = await this.get(workspaceId, id);
    const problems: { field: string; message: string }[] = [];
    if (!input.rootCause?.trim()) problems.push({ field: 'rootCause', message: 'rootCause is required to close a case' });
    if (!input.actionTaken?.trim()) problems.push({ field: 'actionTaken', message: 'actionTaken is required to close a case' });
    const customer = current.customerExternalId ? await this.customers.standing(workspaceId, current.customerExternalId) : null;
    const left = current.source === 'cancellation' || customer?.lifecycleStage === 'left';
    if (left && !input.churnReasonKey)
      problems.push({ field: 'churnReasonKey', message: 'churnReasonKey is required: the customer has left' });
    if (input.churnReasonKey && !(await this.churn.reasonExists(workspaceId, input.churnReasonKey)))
      problems.push({
        field: 'churnReasonKey',
        message: `churnReasonKey "${input.churnReasonKey}" is not a churn reason of this workspace`,
      });
    if (problems.length) throw badRequest(problems);
    await this.change(workspaceId, id, async (manager, c) => {
      if (!OPEN_STATES.includes(c.status)) throw conflict('case_closed', 'The case is already closed');
      const update: CaseUpdate = {
        status: 'closed',
        closedAt: now,
        resolvedAt: now,
        rootCause: input.rootCause!.trim(),
        actionTaken: input.actionTaken!.trim(),
        churnReasonKey: input.churnReasonKey ?? null,
        pauses: this.resume(c, now),
      };
      await this.cases.update(manager, workspaceId, id, update);
      await this.cases.addEvent(manager, workspaceId, id, actor, 'closed', {
        rootCause: update.rootCause,
        actionTaken: update.actionTaken,
        churnReasonKey: update.churnReasonKey,
      });
      const closed = (await this.cases.find(workspaceId, id, manager))!;
      await this.webhooks.publish(
        workspaceId,
        'case.closed',
        caseEventData(closed, {
          rootCause: closed.rootCause,
          actionTaken: closed.actionTaken,
          churnReasonKey: closed.churnReasonKey,
          closedAt: now.toISOString(),
        }),
        manager,
      );
    });
    return this.get(workspaceId, id);
  }

  /** The customer's follow-up CSAT (1–5) on a closed case; 1–2 reopens it with a new resolution deadline. */
  async followUp(
    workspaceId: string,
    id: string,
    input: { score: number; comment?: string },
    actor: Actor,
    now = new Date(),
  ): Promise<CaseRow> {
    await this.change(workspaceId, id, async (manager, c) => {
      if (c.status !== 'closed') throw conflict('case_not_closed', 'A follow-up CSAT is asked after the case is closed');
      const update: CaseUpdate = { followUpCsat: input.score, followUpComment: input.comment ?? null, followUpAt: now };
      await this.cases.addEvent(manager, workspaceId, id, actor, 'follow_up', { score: input.score, comment: input.comment ?? null });
      if (input.score <= REOPEN_AT_OR_BELOW) {
        Object.assign(update, {
          status: 'open',
          reopened: true,
          closedAt: null,
          resolvedAt: null,
          resolutionStartedAt: now,
          warnedResolutionAt: null,
          breachedResolutionAt: null,
        });
        Object.assign(update, await this.retime(manager, workspaceId, c, c.pauses, { resolutionStartedAt: now }));
        // The first response happened long ago; its timer stays as it was.
        delete update.firstResponseDue;
        delete update.firstResponseWarnAt;
        await this.cases.addEvent(manager, workspaceId, id, SYSTEM, 'reopened', {
          reason: 'low_follow_up',
          score: input.score,
          resolutionDue: update.resolutionDue,
        });
      }
      await this.cases.update(manager, workspaceId, id, update);
    });
    return this.get(workspaceId, id);
  }
}
