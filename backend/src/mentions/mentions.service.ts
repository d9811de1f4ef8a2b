import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { optionalProvider } from '../common/nest/optional-provider';
import { MENTION_STAGE_SQL, type MentionStageSql } from '../common/recovery/mention-stage.port';
import { notFound } from '../common/http/api-error';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/http/keyset-cursor';
import { resolvePeriod } from '../common/http/period';
import { validationError } from '../common/http/validation.pipe';
import { readFromReplica } from '../database/read-replica';
import { CustomerNames } from '../customers/customer-names';
import { CustomersReader } from '../customers/customers.reader';
import { MembershipsReader } from '../members/memberships.reader';
import { SegmentsReader } from '../segments/segments.reader';
import type {
  ListMentionsQuery,
  MentionDetailDto,
  MentionDto,
  MentionPageDto,
  MentionStatsDto,
  MentionStatsQuery,
  UpdateMentionDto,
} from './mentions.dto';
import { type MentionFilter, type MentionRow, MentionsQueryRepository } from './mentions-query.repository';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toMentionDto(row: MentionRow, names: ReadonlyMap<string, string> = new Map()): MentionDto {
  return {
    id: row.id,
    source: row.source,
    externalId: row.externalId,
    url: row.url,
    author: row.author,
    text: row.text,
    language: row.language,
    sentiment: row.sentiment,
    sentimentScore: row.sentimentScore,
    postedAt: row.postedAt.toISOString(),
    reach: row.reach,
    parentId: row.parentId,
    duplicateOf: row.duplicateOf,
    duplicateKind: row.duplicateKind,
    duplicateCount: row.duplicateCount,
    replyCount: row.replyCount,
    assignedTo: row.assignedToId ? { id: row.assignedToId, name: row.assignedToName ?? '' } : null,
    answeredAt: iso(row.answeredAt),
    answeredBy: row.answeredById ? { id: row.answeredById, name: row.answeredByName ?? '' } : null,
    customerId: row.customerId,
    customerName: (row.customerId && names.get(row.customerId)) || null,
    channel: row.channel,
    createdAt: row.createdAt.toISOString(),
    stage: row.stage ?? null,
  };
}

/** Reading and triaging mentions: the feed, one mention's thread and copies, assignment, answered, customer link, figures. */
@Injectable()
export class MentionsService {
  constructor(
    private readonly mentions: MentionsQueryRepository,
    private readonly customerNames: CustomerNames,
    private readonly memberships: MembershipsReader,
    private readonly customers: CustomersReader,
    private readonly segments: SegmentsReader,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The public-answer workflow's stage expression over `m`, when that module is there (looked up, not imported). */
  private stageSql(): string | null {
    return optionalProvider<MentionStageSql>(this.moduleRef, MENTION_STAGE_SQL)?.expression('m') ?? null;
  }

  /** Its condition for the mentions past not_started (the stage filter's set), when provided. */
  private startedSql(): ((workspaceIdSql: string) => string) | null {
    const stage = optionalProvider<MentionStageSql>(this.moduleRef, MENTION_STAGE_SQL);
    return stage?.startedSql ? (workspaceIdSql) => stage.startedSql!('m', workspaceIdSql) : null;
  }

  /** The mention was answered in public: marks it answered too, in the caller's transaction (first answer kept). */
  markAnsweredInPublic(workspaceId: string, id: string, userId: string | null, at: Date, manager?: EntityManager): Promise<void> {
    return this.mentions.markAnswered(workspaceId, id, userId, at, manager);
  }

  async list(workspaceId: string, userId: string | null, query: ListMentionsQuery): Promise<MentionPageDto> {
    if (query.assigned === 'me' && !userId)
      throw validationError([{ field: 'assigned', message: 'assigned=me needs a signed-in person, not an API token' }]);
    const inSegment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    const filter: MentionFilter = {
      workspaceId,
      sources: query.source,
      sentiments: query.sentiment?.map(Number),
      languages: query.language,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      assigned: query.assigned === 'any' ? undefined : query.assigned === 'me' ? userId! : query.assigned,
      answered: query.answered,
      includeDuplicates: query.includeDuplicates ?? false,
      text: query.q || undefined,
      newerThan: query.newerThan ? new Date(query.newerThan) : undefined,
      inSegment,
      stageSql: this.stageSql(),
      stages: query.stage,
      startedSql: query.stage?.length ? this.startedSql() : null,
    };
    const limit = query.limit ?? 50;
    const rows = await this.mentions.page(filter, limit + 1, query.cursor ? decodeKeysetCursor(query.cursor) : undefined);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const names = await this.customerNames.of(
      workspaceId,
      page.map((m) => m.customerId),
    );
    return {
      items: page.map((m) => toMentionDto(m, names)),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.postedAt, id: last.id }) : null,
    };
  }

  async get(workspaceId: string, id: string): Promise<MentionDetailDto> {
    const row = await this.mentions.find(workspaceId, id, this.stageSql());
    if (!row) throw notFound('Mention');
    const [ancestors, replies, duplicates, original] = await Promise.all([
      this.mentions.ancestors(workspaceId, id, 20),
      this.mentions.replies(workspaceId, id, 200),
      this.mentions.duplicates(workspaceId, id, 200),
      row.duplicateOf ? this.mentions.find(workspaceId, row.duplicateOf) : Promise.resolve(null),
    ]);
    // Every customer the thread names, in one lookup.
    const names = await this.customerNames.of(
      workspaceId,
      [row, ...ancestors, ...replies, ...duplicates, ...(original ? [original] : [])].map((m) => m.customerId),
    );
    const dto = (m: MentionRow) => toMentionDto(m, names);
    return {
      ...dto(row),
      ancestors: ancestors.map(dto),
      replies: replies.map(dto),
      duplicates: duplicates.map(dto),
      original: original ? dto(original) : null,
    };
  }

  async update(workspaceId: string, userId: string | null, id: string, input: UpdateMentionDto): Promise<MentionDetailDto> {
    if (!(await this.mentions.find(workspaceId, id))) throw notFound('Mention');
    const problems: { field: string; message: string }[] = [];
    if (input.assignedTo && !(await this.memberships.isMember(workspaceId, input.assignedTo))) {
      problems.push({ field: 'assignedTo', message: 'assignedTo must be a member of this workspace' });
    }
    if (input.customerId && !(await this.customers.exists(workspaceId, input.customerId))) {
      problems.push({ field: 'customerId', message: `there is no customer with external id "${input.customerId}"` });
    }
    if (input.answered === true && !userId)
      problems.push({ field: 'answered', message: 'marking answered needs a signed-in person, not an API token' });
    if (problems.length > 0) throw validationError(problems);
    await this.mentions.update(workspaceId, id, {
      assignedTo: input.assignedTo,
      answeredBy: input.answered === undefined ? undefined : input.answered ? userId : null,
      customerId: input.customerId,
    });
    return this.get(workspaceId, id);
  }

  async stats(workspaceId: string, query: MentionStatsQuery): Promise<MentionStatsDto> {
    const period = resolvePeriod(query, 30);
    const interval = query.interval ?? 'day';
    const buckets = Math.ceil(
      (period.to.getTime() - period.from.getTime()) / { day: 86_400_000, week: 7 * 86_400_000, month: 28 * 86_400_000 }[interval],
    );
    if (buckets > 400)
      throw validationError([
        { field: 'interval', message: `${buckets} ${interval}s is too many points; pick a longer interval or a shorter period` },
      ]);
    const inSegment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    // The segment above from the primary; the heavy aggregates on the read replica when there is one.
    const [series, summary] = await readFromReplica(() =>
      Promise.all([
        this.mentions.series(workspaceId, period.from, period.to, interval, period.timeZone, query.source, inSegment),
        this.mentions.breakdown(workspaceId, period.from, period.to, query.source, inSegment),
      ]),
    );
    const sources = summary.sources;
    const sum = (s: { negative: number; neutral: number; positive: number }) => s.negative + s.neutral + s.positive;
    const totals = sources.reduce(
      (t, s) => ({ negative: t.negative + s.negative, neutral: t.neutral + s.neutral, positive: t.positive + s.positive }),
      { negative: 0, neutral: 0, positive: 0 },
    );
    const all = sum(totals);
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      interval,
      totals: { ...totals, total: all },
      duplicates: summary.duplicates,
      unansweredNegative: summary.unansweredNegative,
      series: series.map((b) => ({
        start: b.start.toISOString(),
        negative: b.negative,
        neutral: b.neutral,
        positive: b.positive,
        total: sum(b),
      })),
      bySource: sources.map((s) => ({ ...s, total: sum(s), share: all === 0 ? 0 : Math.round((sum(s) / all) * 10000) / 10000 })),
      byLanguage: summary.byLanguage,
    };
  }
}
