import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesForCompensation, type CaseForCompensation } from '../cases/cases-for-compensation';
import type { Role } from '../common/auth/roles';
import { ApiError, conflict, forbidden, idempotencyKeyTaken, notFound } from '../common/http/api-error';
import { COMPENSATION_KINDS, type CompensationKind } from '../common/recovery/compensation-lookup.port';
import { MembershipsReader } from '../members/memberships.reader';
import { WebhookEvents } from '../webhooks/webhook-events';
import { CompensationBudgetsService, type BudgetState } from './compensation-budgets.service';
import type { CompensationGrantEntity } from './compensation-grant.entity';
import { CompensationGrantsRepository, type GrantFilter } from './compensation-grants.repository';
import { GRANTING_ROLES, isSelfApproved, periodContaining, toCents } from './compensation-rules';

/** Who grants: a member (their budget applies) or an API token (no budget: its grants wait for an admin). */
export type CompensationActor = { kind: 'user'; userId: string } | { kind: 'token'; tokenId: string };

export interface GrantInput {
  kind: CompensationKind;
  /** Decimal string, more than 0, at most 2 decimals ("500.00"). */
  amount: string;
  /** ISO 4217; default the granter's budget currency (required without a budget). */
  currency?: string;
  reason: string;
  idempotencyKey?: string;
}

export interface GrantOutcome {
  grant: CompensationGrantEntity;
  /** The granter's budget after the grant; null for API tokens. */
  budget: BudgetState | null;
  /** False when an idempotency key repeated an earlier grant (nothing new was made). */
  created: boolean;
}

/** The body of `compensation.granted`: what billing needs to apply it. */
export interface CompensationGrantedEvent {
  grantId: string;
  caseId: string | null;
  caseNumber: number | null;
  customerExternalId: string | null;
  touchpointId: string | null;
  kind: CompensationKind;
  amount: string;
  currency: string;
  reason: string;
  grantedBy: string | null;
  /** The admin who approved it over the budget; null when the granter's budget covered it. */
  approvedBy: string | null;
  /** The granter approved it themselves (allowed only as the workspace's single admin). */
  selfApproved: boolean;
  withinBudget: boolean;
  approvedAt: string;
}

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const UNIQUE_VIOLATION = '23505';

const invalid = (field: string, message: string) =>
  new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `Invalid request: ${message}`, [{ field, message }]);

/** Checks what a seed or another module may pass without the HTTP layer's DTO validation. */
function normalised(input: GrantInput): GrantInput {
  if (!COMPENSATION_KINDS.includes(input.kind)) throw invalid('kind', `kind must be one of: ${COMPENSATION_KINDS.join(', ')}`);
  const amount = String(input.amount).trim();
  if (!AMOUNT.test(amount) || toCents(amount) <= 0n) throw invalid('amount', 'amount must be more than 0, with at most 2 decimals');
  const currency = input.currency?.trim().toUpperCase();
  if (currency !== undefined && !CURRENCY.test(currency)) throw invalid('currency', 'currency must be a 3-letter ISO code such as RUB');
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > 1000) throw invalid('reason', 'reason must be 1 to 1000 characters');
  return { ...input, amount, currency, reason };
}

/**
 * Grants on cases and their approval. A member's grant within the remaining budget of their current period (same
 * currency) is approved at once and spends it; above it, in another currency or without a budget it waits for an
 * admin. An admin's approval does not spend the granter's budget (the ledger shows it as approved over budget). A
 * closed case can still be compensated: compensation often follows the fix.
 */
@Injectable()
export class CompensationService {
  constructor(
    private readonly grants: CompensationGrantsRepository,
    private readonly budgets: CompensationBudgetsService,
    private readonly cases: CasesForCompensation,
    private readonly members: MembershipsReader,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * Grants compensation on a case. The public API for seeds and other modules:
   * `grant(workspaceId: string, actor: CompensationActor, caseId: string, input: GrantInput, options?: { now?: Date }): Promise<GrantOutcome>`.
   * `options.now` backdates the grant (the demo's history); the period is the one containing it.
   * Race-safe: the granter's grants are serialised by an advisory lock held until the insert commits, so two at once
   * never together exceed the budget.
   */
  async grant(
    workspaceId: string,
    actor: CompensationActor,
    caseId: string,
    rawInput: GrantInput,
    options: { now?: Date } = {},
  ): Promise<GrantOutcome> {
    const input = normalised(rawInput);
    const kase = await this.cases.find(workspaceId, caseId);
    if (!kase) throw notFound('Case');
    const now = options.now ?? new Date();
    const userId = actor.kind === 'user' ? actor.userId : null;
    const granter: { role: Role | null } = { role: null };
    const outcome = await this.grants
      .transaction(async (manager) => {
        if (userId) {
          const role = await this.members.roleOf(workspaceId, userId, manager);
          granter.role = role;
          if (!role || !GRANTING_ROLES.includes(role)) throw forbidden('Viewers cannot grant compensation');
          await this.grants.lockGranter(manager, workspaceId, userId);
        }
        if (input.idempotencyKey) {
          const earlier = await this.grants.findByIdempotencyKey(manager, workspaceId, input.idempotencyKey);
          if (earlier) {
            const same = earlier.caseId === caseId && earlier.grantedBy === userId && earlier.kind === input.kind;
            if (!same || toCents(earlier.amount) !== toCents(input.amount)) throw idempotencyKeyTaken('grant');
            return { grant: earlier, created: false };
          }
        }
        const budget = userId && granter.role ? await this.budgets.resolve(workspaceId, userId, granter.role, manager) : null;
        const currency = input.currency ?? budget?.currency;
        if (!currency) throw invalid('currency', 'currency is required: you have no compensation budget to take it from');
        const range = periodContaining(budget?.period ?? 'month', now);
        let withinBudget = false;
        if (userId && budget && budget.currency === currency) {
          const spent = await this.grants.spentWithinBudget(manager, workspaceId, userId, range, currency);
          withinBudget = toCents(spent) + toCents(input.amount) <= toCents(budget.amount);
        }
        const grant = await this.grants.insert(manager, {
          workspaceId,
          caseId,
          customerExternalId: kase.customerExternalId,
          touchpointId: kase.touchpointId,
          grantedBy: userId,
          kind: input.kind,
          amount: input.amount,
          currency,
          reason: input.reason,
          status: withinBudget ? 'approved' : 'pending',
          withinBudget,
          decidedBy: null,
          decidedAt: withinBudget ? now : null,
          decisionNote: null,
          periodStart: range.start,
          periodEnd: range.end,
          idempotencyKey: input.idempotencyKey ?? null,
          createdAt: now,
        });
        if (withinBudget) await this.publishGranted(manager, grant, kase);
        return { grant, created: true };
      })
      .catch((error: unknown) => {
        // Two requests with one new key at once (or a token's, which takes no lock): the second changes nothing.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw idempotencyKeyTaken('grant');
        throw error;
      });
    const budget = userId && granter.role ? await this.budgets.stateOf(workspaceId, userId, granter.role, now) : null;
    return { ...outcome, budget };
  }

  /**
   * Approves or rejects a pending grant (an admin, signed in). Of two decisions at once exactly one wins; the other
   * gets 409. Four eyes: an admin's own grant needs another admin (403 own_grant), unless they are the workspace's
   * only admin — then it is allowed and shows as self-approved.
   */
  async decide(
    workspaceId: string,
    decidedBy: string,
    id: string,
    status: 'approved' | 'rejected',
    note: string | null,
  ): Promise<CompensationGrantEntity> {
    return this.grants.transaction(async (manager) => {
      const current = await this.grants.get(workspaceId, id, manager);
      if (!current) throw notFound('Grant');
      if (current.grantedBy === decidedBy && (await this.members.adminIds(workspaceId, manager)).length > 1) {
        throw new ApiError(HttpStatus.FORBIDDEN, 'own_grant', 'Another admin must decide on your grant.');
      }
      const decided = await this.grants.decide(manager, workspaceId, id, { status, decidedBy, note: note || null });
      if (!decided) {
        const grant = await this.grants.get(workspaceId, id, manager);
        if (!grant) throw notFound('Grant');
        throw conflict('grant_already_decided', `This grant was already ${grant.status}; nothing was changed.`);
      }
      if (status === 'approved') {
        const kase = decided.caseId ? await this.cases.find(workspaceId, decided.caseId) : null;
        await this.publishGranted(manager, decided, kase);
      }
      return decided;
    });
  }

  async get(workspaceId: string, id: string): Promise<CompensationGrantEntity> {
    const grant = await this.grants.get(workspaceId, id);
    if (!grant) throw notFound('Grant');
    return grant;
  }

  /** A case's grants, newest first (404 when the case is not the workspace's). */
  async ofCase(workspaceId: string, caseId: string): Promise<CompensationGrantEntity[]> {
    if (!(await this.cases.find(workspaceId, caseId))) throw notFound('Case');
    return this.grants.page(workspaceId, { caseId }, 500);
  }

  async page(
    workspaceId: string,
    filter: GrantFilter,
    limit: number,
    after?: { at: Date; id: string },
  ): Promise<{ rows: CompensationGrantEntity[]; more: boolean; total: number }> {
    const [rows, total] = await Promise.all([this.grants.page(workspaceId, filter, limit, after), this.grants.count(workspaceId, filter)]);
    return { rows: rows.slice(0, limit), more: rows.length > limit, total };
  }

  /** `compensation.granted`, in the transaction that approved it (nothing announced that did not happen). */
  private async publishGranted(manager: EntityManager, grant: CompensationGrantEntity, kase: CaseForCompensation | null): Promise<void> {
    const event: CompensationGrantedEvent = {
      grantId: grant.id,
      caseId: grant.caseId,
      caseNumber: kase?.number ?? null,
      customerExternalId: grant.customerExternalId,
      touchpointId: grant.touchpointId,
      kind: grant.kind,
      amount: grant.amount,
      currency: grant.currency,
      reason: grant.reason,
      grantedBy: grant.grantedBy,
      approvedBy: grant.withinBudget ? null : grant.decidedBy,
      selfApproved: isSelfApproved(grant),
      withinBudget: grant.withinBudget,
      approvedAt: new Date(grant.decidedAt ?? Date.now()).toISOString(),
    };
    await this.webhooks.publish(grant.workspaceId, 'compensation.granted', event, manager);
  }
}
