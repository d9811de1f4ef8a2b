import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Answers } from '@otklik/survey-model';
import { DataSource, EntityTarget, IsNull, MoreThanOrEqual, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CaseEventEntity } from '../cases/case-event.entity';
import { CaseSettingsEntity } from '../cases/case-settings.entity';
import { CancellationEntity } from '../churn/cancellation.entity';
import type { SaveOffer } from '../churn/default-reasons';
import { CustomerEntity } from '../customers/customer.entity';
import type { BulkCustomerDto } from '../customers/customers.dto';
import { MentionEntity } from '../mentions/mention.entity';
import { ResponseEntity } from '../responses/response.entity';
import { SurveyDisplayEntity } from '../surveys/survey-display.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/**
 * Backdated history writes, used ONLY by the demo seeder (backend/src/demo/). The public ingest paths always stamp
 * "now" and must keep doing so (no client may backdate a response or a cancellation), so a year of history goes in
 * here instead, in batches. The rows are the same rows the services write: the seeder derives every column with
 * the services' own rules (deriveColumns, the reasons' offers, the customer's MRR) before calling this.
 */

export interface HistoryResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  respondentId: string;
  customerExternalId: string | null;
  idempotencyKey: string;
  answers: Record<string, unknown>;
  score: number | null;
  scoreScaleMax: number | null;
  comment: string | null;
  language: string;
  hiddenFields: Record<string, string>;
  at: Date;
}

export interface HistoryDisplay {
  surveyId: string;
  respondentId: string;
  customerExternalId: string | null;
  idempotencyKey: string;
  at: Date;
}

export interface HistoryCancellation {
  id: string;
  flowId: string;
  idempotencyKey: string;
  customerExternalId: string;
  reasonKey: string;
  offeredReasonKeys: string[];
  otherText: string | null;
  followUp: string | null;
  offer: unknown;
  outcome: 'saved' | 'cancelled';
  mrr: number;
  language: string;
  at: Date;
}

const BATCH = 2000;

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Every write goes through the owning module's entity (`insert` of many rows in one statement per batch, without
 * RETURNING); only the timestamps differ from what the services write.
 */
@Injectable()
export class DemoHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Many rows in one INSERT, nothing read back. */
  private async insertMany<E extends ObjectLiteral>(entity: EntityTarget<E>, rows: Partial<E>[]): Promise<void> {
    // (QueryDeepPartialEntity cannot take the entities' Record<string, unknown> jsonb columns; Partial<E> says the same here.)
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows as QueryDeepPartialEntity<E>[])
      .updateEntity(false)
      .execute();
  }

  /** Finished responses as of `at` (created, updated and finished then). */
  async insertResponses(workspaceId: string, rows: HistoryResponse[]): Promise<void> {
    for (const batch of chunks(rows)) {
      await this.insertMany(
        ResponseEntity,
        batch.map((r) => ({
          workspaceId,
          id: r.id,
          surveyId: r.surveyId,
          surveyVersion: r.surveyVersion,
          respondentId: r.respondentId,
          customerExternalId: r.customerExternalId,
          idempotencyKey: r.idempotencyKey,
          answers: r.answers as Answers,
          score: r.score,
          scoreScaleMax: r.scoreScaleMax,
          comment: r.comment,
          finished: true,
          language: r.language,
          hiddenFields: r.hiddenFields,
          meta: {},
          createdAt: r.at,
          updatedAt: r.at,
          finishedAt: r.at,
          customerVerified: r.customerExternalId !== null,
        })),
      );
    }
  }

  async insertDisplays(workspaceId: string, rows: HistoryDisplay[]): Promise<void> {
    for (const batch of chunks(rows, 5000)) {
      await this.insertMany(
        SurveyDisplayEntity,
        batch.map((d) => ({
          workspaceId,
          surveyId: d.surveyId,
          respondentId: d.respondentId,
          customerExternalId: d.customerExternalId,
          idempotencyKey: d.idempotencyKey,
          createdAt: d.at,
        })),
      );
    }
  }

  /** Finished flow runs as of `at`, with the customer's MRR at the time (for revenue churn). */
  async insertCancellations(workspaceId: string, rows: HistoryCancellation[]): Promise<void> {
    for (const batch of chunks(rows)) {
      await this.insertMany(
        CancellationEntity,
        batch.map((x) => ({
          workspaceId,
          id: x.id,
          flowId: x.flowId,
          idempotencyKey: x.idempotencyKey,
          customerExternalId: x.customerExternalId,
          reasonKey: x.reasonKey,
          offeredReasonKeys: x.offeredReasonKeys,
          otherText: x.otherText,
          followUp: x.followUp,
          offer: x.offer as SaveOffer | null,
          outcome: x.outcome,
          mrr: String(x.mrr),
          language: x.language,
          createdAt: new Date(x.at.getTime() - 2 * 60_000),
          updatedAt: x.at,
          finishedAt: x.at,
          customerVerified: true,
        })),
      );
    }
  }

  /**
   * The case services stamp their audit events with the database clock; a replayed history gives the events written
   * since `writtenAfter` (the seeding run's start) the moment they stand for. Stamped times are in the past, so each
   * call only moves the events of the step just replayed.
   */
  async stampCaseEvents(workspaceId: string, at: Date, writtenAfter: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(CaseEventEntity)
      .set({ createdAt: at })
      .where('workspace_id = :workspaceId AND created_at >= :writtenAfter', { workspaceId, writtenAfter })
      .execute();
  }

  /** Negative original mentions posted since `since`, oldest first (the demo opens cases from a few of them). */
  negativeOriginalMentions(
    workspaceId: string,
    since: Date,
  ): Promise<Pick<MentionEntity, 'id' | 'source' | 'author' | 'text' | 'postedAt'>[]> {
    return this.dataSource.getRepository(MentionEntity).find({
      select: { id: true, source: true, author: true, text: true, postedAt: true },
      where: { workspaceId, sentiment: -1, duplicateOf: IsNull(), parentId: IsNull(), postedAt: MoreThanOrEqual(since) },
      order: { postedAt: 'ASC', externalId: 'ASC' },
    });
  }

  /**
   * Cases are opened automatically only from feedback newer than this. The demo opens its own cases from its history,
   * so the background sync starts at the end of the seeding (otherwise it would page the team about every recent
   * detractor and every freshly stored negative mention at once).
   */
  async startCaseSyncAt(workspaceId: string, at: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CaseSettingsEntity)
      .values({ workspaceId, syncSince: at })
      .orUpdate(['sync_since', 'updated_at'], ['workspace_id'])
      .updateEntity(false)
      .execute();
  }

  /**
   * The background clustering sync copies texts changed after `feedback_synced_at`. While the history goes in, a
   * mark in the future keeps it (and the rebuild it would start on half the story) away from this workspace; NULL
   * hands the whole story to the next sync.
   */
  async holdFeedbackSync(workspaceId: string, until: Date | null): Promise<void> {
    await this.dataSource.getRepository(WorkspaceEntity).update({ id: workspaceId }, { feedbackSyncedAt: until });
  }

  /**
   * New customers in one statement per batch (the per-row upsert costs a round trip each), created when they were
   * first seen. Rows must have passed CustomersService.validateRow.
   */
  async insertCustomers(workspaceId: string, rows: (BulkCustomerDto & { createdAt: Date })[]): Promise<void> {
    for (const batch of chunks(rows, 1000)) {
      await this.insertMany(
        CustomerEntity,
        batch.map((c) => ({
          workspaceId,
          externalId: c.externalId,
          name: c.name ?? null,
          email: c.email ?? null,
          phone: c.phone ?? null,
          attributes: c.attributes ?? {},
          lifecycleStage: c.lifecycleStage ?? 'aware',
          segment: c.segment ?? null,
          mrr: String(c.mrr ?? 0),
          // The seeder always sets both (ISO strings): the first and last time the customer was seen.
          consents: { ...c.consents },
          orderCount: c.orderCount ?? 0,
          firstSeenAt: new Date(c.firstSeenAt!),
          lastSeenAt: new Date(c.lastSeenAt!),
          createdAt: c.createdAt,
          updatedAt: new Date(c.lastSeenAt!),
        })),
      );
    }
  }
}
