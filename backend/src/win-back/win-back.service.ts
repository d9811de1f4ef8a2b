import { HttpStatus, Injectable } from '@nestjs/common';
import { CasesReader, type CaseProblemTarget } from '../cases/cases.reader';
import { ChurnReader } from '../churn/churn.reader';
import { ApiError, conflict, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { ClustersReader } from '../complaints/clusters.reader';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { WebhookEvents } from '../webhooks/webhook-events';
import type { RecoveryProblemEntity } from './recovery-problem.entity';
import { RecoveryProblemsRepository } from './recovery-problems.repository';
import { RecoveryCustomersRepository } from './recovery-customers.repository';
import { PROBLEM_LIST_LIMIT, type CreateProblemDto, type FixProblemDto } from './win-back.dto';

/** The body of a `problem.fixed` webhook. */
export interface ProblemFixedEvent {
  problemId: string;
  kind: string;
  clusterId: string | null;
  churnReasonKey: string | null;
  title: string;
  whatChanged: string;
  fixedAt: string;
  affectedCustomers: number;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Problems, their fixes and the affected-customer snapshot, the root causes of cases. */
@Injectable()
export class WinBackService {
  constructor(
    private readonly problems: RecoveryProblemsRepository,
    private readonly customers: RecoveryCustomersRepository,
    private readonly clusters: ClustersReader,
    private readonly churn: ChurnReader,
    private readonly cases: CasesReader,
    private readonly touchpoints: TouchpointsReader,
    private readonly webhooks: WebhookEvents,
  ) {}

  async get(workspaceId: string, id: string): Promise<RecoveryProblemEntity> {
    const row = await this.problems.get(workspaceId, id);
    if (!row) throw notFound('Problem');
    return row;
  }

  /** A known issue, or the problem of a cluster / churn reason (an existing one is returned, `created` false). */
  async create(
    workspaceId: string,
    userId: string | null,
    input: CreateProblemDto,
    language: string,
  ): Promise<{ row: RecoveryProblemEntity; created: boolean }> {
    if (input.touchpointId) await this.assertTouchpoint(workspaceId, input.touchpointId);
    let title = input.title ?? '';
    if (input.kind === 'cluster') {
      const name = await this.clusters.nameOf(workspaceId, input.clusterId!);
      if (name === null) throw notFound('Cluster');
      title = input.title || name;
    } else if (input.kind === 'churn_reason') {
      const labels = await this.churn.reasonLabels(workspaceId, input.churnReasonKey!);
      if (!labels) throw notFound('Churn reason');
      title = input.title || labels[language] || labels.en || Object.values(labels)[0] || input.churnReasonKey!;
    }
    return this.problems.findOrCreate(workspaceId, {
      kind: input.kind,
      clusterId: input.kind === 'cluster' ? input.clusterId! : null,
      churnReasonKey: input.kind === 'churn_reason' ? input.churnReasonKey! : null,
      title: title.slice(0, 200),
      touchpointId: input.touchpointId ?? null,
      createdBy: userId,
    });
  }

  /**
   * Marks the problem fixed and snapshots its affected customers, once, in one transaction: the conditional UPDATE
   * claims the fix (a concurrent or repeated request gets 409), each source's customers before the fix are read as one
   * DISTINCT set and inserted by one INSERT … SELECT, and `problem.fixed` is queued with the count.
   */
  async fix(workspaceId: string, id: string, userId: string | null, input: FixProblemDto): Promise<RecoveryProblemEntity> {
    const fixedAt = input.fixedAt ? new Date(input.fixedAt) : new Date();
    const now = Date.now();
    if (fixedAt.getTime() > now + 60_000 || fixedAt.getTime() < now - YEAR_MS)
      throw validationError([{ field: 'fixedAt', message: 'fixedAt must be within the last year and not in the future' }]);
    if (input.touchpointId) await this.assertTouchpoint(workspaceId, input.touchpointId);
    const problem = await this.get(workspaceId, id);
    if (problem.status === 'fixed') throw conflict('already_fixed', 'This problem is already marked fixed');
    return this.problems.transaction(async (manager) => {
      const fixed = await this.problems.claimFix(
        workspaceId,
        id,
        { fixedAt, fixedBy: userId, whatChanged: input.whatChanged, touchpointId: input.touchpointId },
        manager,
      );
      if (!fixed) throw conflict('already_fixed', 'This problem is already marked fixed');
      const caseTarget: CaseProblemTarget =
        fixed.kind === 'cluster'
          ? { clusterId: fixed.clusterId! }
          : fixed.kind === 'churn_reason'
            ? { churnReasonKey: fixed.churnReasonKey! }
            : { caseIds: await this.problems.linkedCaseIds(workspaceId, id, manager) };
      // One DISTINCT set per source, read in this transaction (the snapshot sees what the fix saw).
      const text = fixed.kind === 'cluster' ? await this.clusters.customersWithTexts(workspaceId, fixed.clusterId!, fixedAt, manager) : [];
      const cancellation =
        fixed.kind === 'churn_reason'
          ? await this.churn.customersCancelledWithReason(workspaceId, fixed.churnReasonKey!, fixedAt, manager)
          : [];
      const viaCases = await this.cases.customersOfCases(workspaceId, caseTarget, fixedAt, manager);
      const affected = await this.customers.snapshot(workspaceId, id, { text, cancellation, case: viaCases }, manager);
      await this.problems.setAffectedCount(workspaceId, id, affected, manager);
      const event: ProblemFixedEvent = {
        problemId: id,
        kind: fixed.kind,
        clusterId: fixed.clusterId,
        churnReasonKey: fixed.churnReasonKey,
        title: fixed.title,
        whatChanged: input.whatChanged,
        fixedAt: fixedAt.toISOString(),
        affectedCustomers: affected,
      };
      await this.webhooks.publish(workspaceId, 'problem.fixed', event, manager);
      return { ...fixed, affectedCount: affected };
    });
  }

  list(workspaceId: string, filter: { status?: 'open' | 'fixed'; kind?: RecoveryProblemEntity['kind'] }) {
    return this.problems.list(workspaceId, filter, PROBLEM_LIST_LIMIT);
  }

  /** Marks a told (or any affected) customer returned by hand, with an optional amount; 409 when already returned. */
  async markReturned(
    workspaceId: string,
    id: string,
    externalId: string,
    userId: string | null,
    input: { amount?: string; currency?: string },
  ): Promise<void> {
    await this.get(workspaceId, id);
    if (!(await this.customers.exists(workspaceId, id, externalId))) throw notFound('Affected customer');
    const marked = await this.problems.transaction((manager) =>
      this.customers.markReturned(
        workspaceId,
        id,
        externalId,
        { by: userId, amount: input.amount ?? null, currency: input.amount ? (input.currency ?? null) : null },
        manager,
      ),
    );
    if (!marked) throw conflict('already_returned', 'This customer is already counted as returned');
    await this.webhooks.publish(workspaceId, 'customer.returned', {
      problemId: id,
      customerExternalId: externalId,
      returnedAt: new Date(marked.returnedAt).toISOString(),
      returnKind: 'manual',
    });
  }

  async rootCause(workspaceId: string, caseId: string): Promise<RecoveryProblemEntity | null> {
    if (!(await this.cases.exists(workspaceId, caseId))) throw notFound('Case');
    return this.problems.rootCauseOf(workspaceId, caseId);
  }

  /** Names an open known issue as the case's root cause (a fixed one has taken its snapshot: too late to count). */
  async setRootCause(workspaceId: string, caseId: string, problemId: string, userId: string | null): Promise<RecoveryProblemEntity> {
    if (!(await this.cases.exists(workspaceId, caseId))) throw notFound('Case');
    const problem = await this.problems.get(workspaceId, problemId);
    if (!problem || problem.kind !== 'known_issue')
      throw validationError([{ field: 'problemId', message: 'problemId must be a known issue of this workspace' }]);
    if (problem.status !== 'open') throw conflict('already_fixed', 'This known issue is already fixed: link cases to an open one');
    await this.problems.linkCase(workspaceId, caseId, problemId, userId);
    return problem;
  }

  async clearRootCause(workspaceId: string, caseId: string): Promise<void> {
    if (!(await this.cases.exists(workspaceId, caseId))) throw notFound('Case');
    await this.problems.unlinkCase(workspaceId, caseId);
  }

  private async assertTouchpoint(workspaceId: string, touchpointId: string): Promise<void> {
    const names = await this.touchpoints.namesOf(workspaceId, [touchpointId]);
    if (!names.has(touchpointId))
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'validation_failed',
        'Invalid request: touchpointId is not a touchpoint of this workspace',
        [{ field: 'touchpointId', message: 'touchpointId is not a touchpoint of this workspace' }],
      );
  }
}
