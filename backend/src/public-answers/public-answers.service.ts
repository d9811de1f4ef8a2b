import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { optionalProvider } from '../common/nest/optional-provider';
import { COMPENSATION_LOOKUP, type CaseCompensation, type CompensationLookup } from '../common/recovery/compensation-lookup.port';
import type { Actor } from '../cases/case-actor';
import { negativeMentionTitle } from '../cases/case-titles';
import { CasesReader, type MentionCase } from '../cases/cases.reader';
import { CasesService } from '../cases/cases.service';
import { MentionsReader, type MentionForPublicAnswer } from '../mentions/mentions.reader';
import { MentionsService } from '../mentions/mentions.service';
import { MessagingService } from '../messaging/messaging.service';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { UsersReader } from '../users/users.reader';
import {
  answerRequired,
  assertInWorkflow,
  findingsRecorded,
  minutesBetween,
  stageOf,
  staleRevision,
  stepTime,
} from './public-answer-rules';
import type { PublicAnswerInput, PublicFindingsInput, PublicWorkflowDto } from './public-answers.dto';
import { ALL_PARTS, type WorkflowParts } from './public-answers-access';
import { PublicAnswersRepository } from './public-answers.repository';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * The public-answer workflow of one negative mention: answer in public, investigate (the mention's case and its root
 * cause), publish the findings, compensate (through the compensation port). Answers and findings are also recorded
 * as `public` messages (recorded, not sent), so they show in Messages and on the case's thread.
 */
@Injectable()
export class PublicAnswersService {
  constructor(
    private readonly answers: PublicAnswersRepository,
    private readonly mentionsReader: MentionsReader,
    private readonly mentions: MentionsService,
    private readonly casesReader: CasesReader,
    private readonly cases: CasesService,
    private readonly touchpoints: TouchpointsReader,
    private readonly messaging: MessagingService,
    private readonly users: UsersReader,
    private readonly moduleRef: ModuleRef,
  ) {}

  private async mentionOf(workspaceId: string, mentionId: string): Promise<MentionForPublicAnswer> {
    const mention = await this.mentionsReader.forPublicAnswer(workspaceId, mentionId);
    if (!mention) throw notFound('Mention');
    assertInWorkflow(mention);
    return mention;
  }

  private async caseOf(workspaceId: string, mentionId: string): Promise<MentionCase | null> {
    return (await this.casesReader.mentionCases(workspaceId, [mentionId]))[0] ?? null;
  }

  private compensationOf(workspaceId: string, caseId: string): Promise<{ available: boolean; value: CaseCompensation | null }> {
    const lookup = optionalProvider<CompensationLookup>(this.moduleRef, COMPENSATION_LOOKUP);
    if (!lookup) return Promise.resolve({ available: false, value: null });
    return lookup.forCases(workspaceId, [caseId]).then((found) => ({ available: true, value: found.get(caseId) ?? null }));
  }

  /** The workflow as this caller may see it: `parts` leaves out the root cause and the amounts a token may not read. */
  async workflow(workspaceId: string, mentionId: string, parts: WorkflowParts = ALL_PARTS): Promise<PublicWorkflowDto> {
    const mention = await this.mentionOf(workspaceId, mentionId);
    const [row, mentionCase] = await Promise.all([this.answers.find(workspaceId, mentionId), this.caseOf(workspaceId, mentionId)]);
    const [compensation, people] = await Promise.all([
      mentionCase
        ? this.compensationOf(workspaceId, mentionCase.caseId)
        : Promise.resolve({ available: optionalProvider(this.moduleRef, COMPENSATION_LOOKUP) !== null, value: null }),
      this.users.profilesOf([row?.answeredBy, row?.findingsBy]),
    ]);
    const person = (id: string | null | undefined) => (id ? { id, name: people.get(id)?.name ?? '' } : null);
    const compensated = compensation.value?.firstApprovedAt != null;
    return {
      mentionId,
      revision: row?.revision ?? 0,
      stage: stageOf({ answered: !!row?.answeredAt, hasCase: !!mentionCase, findings: !!row?.findingsAt, compensated }),
      postedAt: mention.postedAt.toISOString(),
      answer: {
        done: !!row?.answeredAt,
        text: row?.answerText ?? null,
        url: row?.answerUrl ?? null,
        at: iso(row?.answeredAt),
        by: person(row?.answeredBy),
        minutesToAnswer: row?.answeredAt ? minutesBetween(mention.postedAt, row.answeredAt) : null,
      },
      investigation: {
        done: !!mentionCase?.rootCauseAt,
        at: iso(mentionCase?.rootCauseAt),
        case: mentionCase
          ? {
              id: mentionCase.caseId,
              number: mentionCase.number,
              status: mentionCase.status,
              ...(parts.rootCause ? { rootCause: mentionCase.rootCause } : {}),
            }
          : null,
      },
      findings: {
        done: !!row?.findingsAt,
        text: row?.findingsText ?? null,
        url: row?.findingsUrl ?? null,
        at: iso(row?.findingsAt),
        by: person(row?.findingsBy),
      },
      compensation: {
        done: compensated,
        at: iso(compensation.value?.firstApprovedAt),
        ...(parts.compensationAmounts
          ? { approvedTotals: compensation.value?.approvedTotals ?? [], pendingCount: compensation.value?.pendingCount ?? 0 }
          : {}),
        available: compensation.available,
      },
    };
  }

  /** Records (or edits) the public answer; the first one also marks the mention answered and is kept as a public message. */
  async answer(
    workspaceId: string,
    actor: Actor,
    mentionId: string,
    input: PublicAnswerInput,
    parts: WorkflowParts = ALL_PARTS,
  ): Promise<PublicWorkflowDto> {
    const mention = await this.mentionOf(workspaceId, mentionId);
    const at = stepTime(input.answeredAt, 'answeredAt', mention.postedAt);
    if (!(at instanceof Date)) throw validationError([at]);
    const post = { text: input.text, url: input.url ?? null, at, by: actor.userId };
    const mentionCase = await this.caseOf(workspaceId, mentionId);
    await this.answers.transaction(async (manager) => {
      const current = await this.answers.find(workspaceId, mentionId, manager);
      if ((current?.revision ?? 0) !== input.revision) throw staleRevision();
      const written = current
        ? await this.answers.updateAnswer(manager, workspaceId, mentionId, input.revision, post)
        : await this.answers.insertAnswer(manager, workspaceId, mentionId, post);
      if (!written) throw staleRevision();
      if (current?.answeredAt) return;
      await this.mentions.markAnsweredInPublic(workspaceId, mentionId, actor.userId, at, manager);
      await this.recordPublicMessage(manager, workspaceId, mention, mentionCase, post);
    });
    return this.workflow(workspaceId, mentionId, parts);
  }

  /** Publishes (or edits) the findings: a public follow-up, so only after the public answer. */
  async publishFindings(
    workspaceId: string,
    actor: Actor,
    mentionId: string,
    input: PublicFindingsInput,
    parts: WorkflowParts = ALL_PARTS,
  ): Promise<PublicWorkflowDto> {
    const mention = await this.mentionOf(workspaceId, mentionId);
    const mentionCase = await this.caseOf(workspaceId, mentionId);
    await this.answers.transaction(async (manager) => {
      const current = await this.answers.find(workspaceId, mentionId, manager);
      if ((current?.revision ?? 0) !== input.revision) throw staleRevision();
      if (!current?.answeredAt) throw answerRequired();
      const at = stepTime(input.findingsAt, 'findingsAt', current.answeredAt);
      if (!(at instanceof Date)) throw validationError([at]);
      const post = { text: input.text, url: input.url ?? null, at, by: actor.userId };
      if (!(await this.answers.setFindings(manager, workspaceId, mentionId, input.revision, post))) throw staleRevision();
      if (!current.findingsAt) await this.recordPublicMessage(manager, workspaceId, mention, mentionCase, post);
    });
    return this.workflow(workspaceId, mentionId, parts);
  }

  /** Clears the answer (its first time goes with it); the mention's internal answered mark stays. */
  async clearAnswer(
    workspaceId: string,
    mentionId: string,
    revision: number,
    parts: WorkflowParts = ALL_PARTS,
  ): Promise<PublicWorkflowDto> {
    await this.mentionOf(workspaceId, mentionId);
    await this.answers.transaction(async (manager) => {
      const current = await this.answers.find(workspaceId, mentionId, manager);
      if (!current || current.revision !== revision) throw staleRevision();
      if (current.findingsAt) throw findingsRecorded();
      if (!(await this.answers.clearAnswer(manager, workspaceId, mentionId, revision))) throw staleRevision();
    });
    return this.workflow(workspaceId, mentionId, parts);
  }

  async clearFindings(
    workspaceId: string,
    mentionId: string,
    revision: number,
    parts: WorkflowParts = ALL_PARTS,
  ): Promise<PublicWorkflowDto> {
    await this.mentionOf(workspaceId, mentionId);
    await this.answers.transaction(async (manager) => {
      const current = await this.answers.find(workspaceId, mentionId, manager);
      if (!current || current.revision !== revision) throw staleRevision();
      if (!(await this.answers.clearFindings(manager, workspaceId, mentionId, revision))) throw staleRevision();
    });
    return this.workflow(workspaceId, mentionId, parts);
  }

  /**
   * Opens the mention's case for the investigation, as case sync would (social touchpoint, the mention's customer),
   * or finds the one it already has: one case per mention (the cases' unique source key), also when two people click.
   */
  async openCase(workspaceId: string, actor: Actor, mentionId: string, parts: WorkflowParts = ALL_PARTS): Promise<PublicWorkflowDto> {
    const mention = await this.mentionOf(workspaceId, mentionId);
    if (!(await this.cases.idBySource(workspaceId, 'mention', mentionId))) {
      await this.cases.open(
        workspaceId,
        {
          source: 'mention',
          sourceId: mentionId,
          ...negativeMentionTitle(mention.source, mention.author),
          description: [mention.text, mention.url].filter(Boolean).join('\n\n'),
          customerExternalId: mention.customerExternalId,
          touchpointId: await this.touchpoints.firstIdOnChannel(workspaceId, 'social'),
          openedAt: new Date(),
        },
        actor,
      );
    }
    return this.workflow(workspaceId, mentionId, parts);
  }

  /** What was posted where, kept in Messages (a `public` message is recorded as sent, never sent). */
  private async recordPublicMessage(
    manager: EntityManager,
    workspaceId: string,
    mention: MentionForPublicAnswer,
    mentionCase: MentionCase | null,
    post: { text: string; url: string | null; by: string | null },
  ): Promise<void> {
    const to = post.url ?? mention.url;
    if (!to) return;
    await this.messaging.enqueue(
      {
        workspaceId,
        channel: 'public',
        purpose: 'service',
        to,
        customerExternalId: mention.customerExternalId,
        language: mention.language,
        text: post.text,
        caseId: mentionCase?.caseId ?? null,
        createdBy: post.by,
      },
      manager,
    );
  }
}
