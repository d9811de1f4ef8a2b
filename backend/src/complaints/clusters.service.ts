import { Injectable } from '@nestjs/common';
import { SegmentsReader } from '../segments/segments.reader';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../common/http/api-error';
import { resolvePeriod } from '../common/http/period';
import { flattenValidationErrors, VALIDATION_OPTIONS, validationError } from '../common/http/validation.pipe';
import { detectLanguage } from '../text/language/detect-language';
import { analyzeSentiment } from '../text/sentiment/analyze-sentiment';
import {
  type ClusterRow,
  type ClusterStatsRow,
  type ClusterTextRow,
  ClustersRepository,
  type RunRow,
  type TextFilter,
} from './clusters.repository';
import {
  type ClusterDetailDto,
  type ClusterDetailQuery,
  type ClusterDto,
  type ClusterFilterQuery,
  type ClusterListDto,
  type ClusterTextPageDto,
  type ClusterTextsQuery,
  type ComplaintImportResultDto,
  ComplaintInputDto,
  type FeedbackTextDto,
  type ListClustersQuery,
  type MovedTextsDto,
  type MoveTextsDto,
  type RunDto,
  type UpdateClusterDto,
} from './clusters.dto';
import { FeedbackTextsRepository, type ImportedComplaint } from './feedback-texts.repository';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const toRunDto = (run: RunRow): RunDto => ({ ...run, startedAt: run.startedAt.toISOString(), finishedAt: iso(run.finishedAt) });

const toTextDto = (row: ClusterTextRow): FeedbackTextDto => ({
  id: row.id,
  source: row.source,
  sourceId: row.sourceId,
  text: row.text,
  language: row.language,
  sentiment: row.sentiment,
  touchpoint: row.touchpoint,
  customerId: row.customerId,
  churnReasonKey: row.churnReasonKey,
  occurredAt: row.occurredAt.toISOString(),
  clusterId: row.clusterId,
  placedBy: row.placedBy,
  questionId: row.questionId,
  questionLabel: row.questionLabel,
});

function filterOf(query: ClusterFilterQuery): TextFilter {
  return {
    sources: query.source,
    touchpoints: query.touchpoint,
    questions: query.question,
    languages: query.language,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** The Clusters page's API: ranked clusters, one cluster in depth, and the team's edits. */
@Injectable()
export class ClustersService {
  constructor(
    private readonly clusters: ClustersRepository,
    private readonly feedback: FeedbackTextsRepository,
    private readonly segments: SegmentsReader,
  ) {}

  /** The list page's clusters in its order (size, or growth: last 7 days over the 7 before). */
  private async ranked(workspaceId: string, query: ListClustersQuery, now: Date, filter = filterOf(query)): Promise<ClusterStatsRow[]> {
    let rows = (await this.clusters.stats(workspaceId, filter, now)).filter(
      (c) =>
        c.size > 0 ||
        (!query.from && !query.to && !query.source && !query.touchpoint && !query.question && !query.language && !query.segmentId),
    );
    if (query.pinned !== undefined) rows = rows.filter((c) => c.pinned === query.pinned);
    const growth = (c: ClusterStatsRow) => (c.previous === 0 ? (c.recent > 0 ? Number.POSITIVE_INFINITY : 0) : c.recent / c.previous);
    return rows.sort(
      query.sort === 'growth'
        ? (a, b) => growth(b) - growth(a) || b.recent - a.recent || b.size - a.size
        : (a, b) => b.size - a.size || b.recent - a.recent,
    );
  }

  /**
   * The head of the list sorted by growth (the home page): the same ranking as `list`, without the examples and
   * totals it does not show. Only clusters that grew this week.
   */
  async growing(workspaceId: string, limit: number, now = new Date()): Promise<ClusterDto[]> {
    const rows = (await this.ranked(workspaceId, { sort: 'growth' }, now)).filter((c) => c.recent > 0 && c.recent > c.previous);
    return rows.slice(0, limit).map((row) => this.toDto(row, []));
  }

  async list(workspaceId: string, query: ListClustersQuery, now = new Date()): Promise<ClusterListDto> {
    const filter = { ...filterOf(query), inSegment: await this.segments.optionalFilter(workspaceId, query.segmentId) };
    const rows = await this.ranked(workspaceId, query, now, filter);
    const examples = await this.clusters.examples(
      workspaceId,
      rows.map((r) => r.id),
      3,
      filter,
    );
    const [unclustered, latest, unplaced] = await Promise.all([
      this.clusters.countTexts(workspaceId, null, filter),
      this.clusters.runs(workspaceId, 1),
      this.feedback.countUnplaced(workspaceId),
    ]);
    return {
      items: rows.map((row) =>
        this.toDto(
          row,
          examples.filter((e) => e.clusterId === row.id),
        ),
      ),
      unclustered: Math.max(0, unclustered - unplaced),
      unplaced,
      latestRun: latest[0] ? toRunDto(latest[0]) : null,
    };
  }

  async get(workspaceId: string, id: string, query: ClusterDetailQuery, now = new Date()): Promise<ClusterDetailDto> {
    const period = resolvePeriod(query, 84);
    const filter = filterOf(query);
    const row = (await this.clusters.stats(workspaceId, filter, now)).find((c) => c.id === id);
    if (!row) {
      const cluster = await this.clusters.find(workspaceId, id);
      if (!cluster) throw notFound('Cluster');
      throw notFound(cluster.mergedInto ? `Cluster (merged into ${cluster.mergedInto})` : 'Cluster (retired by a rebuild)');
    }
    const [examples, trend, churnReasons, touchpoints, sources] = await Promise.all([
      this.clusters.examples(workspaceId, [id], 5, filter),
      this.clusters.trend(workspaceId, id, period.from, period.to, query.interval ?? 'week', period.timeZone),
      this.clusters.breakdown(workspaceId, id, 'churn_reason_key'),
      this.clusters.breakdown(workspaceId, id, 'touchpoint'),
      this.clusters.breakdown(workspaceId, id, 'source'),
    ]);
    return {
      ...this.toDto(row, examples),
      trend: trend.map((p) => ({ start: p.start.toISOString(), count: p.count })),
      churnReasons,
      touchpoints,
      sources,
    };
  }

  async texts(workspaceId: string, clusterId: string | null, query: ClusterTextsQuery): Promise<ClusterTextPageDto> {
    if (clusterId && !(await this.clusters.find(workspaceId, clusterId))) throw notFound('Cluster');
    const filter = filterOf(query);
    const [rows, total] = await Promise.all([
      this.clusters.texts(workspaceId, clusterId, filter, query.limit ?? 50, query.offset ?? 0),
      this.clusters.countTexts(workspaceId, clusterId, filter),
    ]);
    return { items: rows.map(toTextDto), total };
  }

  async update(workspaceId: string, userId: string | null, id: string, input: UpdateClusterDto): Promise<ClusterDetailDto> {
    // The active-state check and the write are one statement, so a merge landing in between cannot be overwritten.
    const updated = await this.clusters.updateActive(workspaceId, id, { name: input.name, pinned: input.pinned, pinnedBy: userId });
    if (!updated) await this.activeCluster(workspaceId, id, 'id');
    return this.get(workspaceId, id, {});
  }

  /**
   * Both rows are locked (in id order, so two opposite merges cannot deadlock) and checked inside the transaction:
   * of P→Q and Q→P sent at once, the second sees its cluster already merged and gets 409 instead of making a loop.
   */
  async merge(workspaceId: string, id: string, into: string): Promise<ClusterDetailDto> {
    if (id === into) throw validationError([{ field: 'into', message: 'a cluster cannot be merged into itself' }]);
    await this.clusters.transaction(async (manager) => {
      const locked = await this.clusters.lockForUpdate(manager, workspaceId, [id, into]);
      this.checkActive(locked.get(id), 'id');
      this.checkActive(locked.get(into), 'into');
      // Each question clusters on its own (issue 17): a merge would put answers to two questions in one cluster.
      if (locked.get(id)!.questionId !== locked.get(into)!.questionId)
        throw validationError([
          { field: 'into', message: 'the clusters group answers to different questions; only clusters of one question merge' },
        ]);
      await this.clusters.merge(manager, workspaceId, id, into);
    });
    return this.get(workspaceId, into, {});
  }

  /** Moves texts to a cluster, out of all clusters, or into a new cluster of their own (a split). */
  async moveTexts(workspaceId: string, input: MoveTextsDto): Promise<MovedTextsDto> {
    const ids = [...new Set(input.textIds)];
    if (input.to !== undefined && input.newClusterName)
      throw validationError([{ field: 'to', message: 'give either to or newClusterName, not both' }]);
    if (input.to === undefined && !input.newClusterName)
      throw validationError([{ field: 'to', message: 'give the target cluster (to), null for none, or newClusterName for a new cluster' }]);
    if (input.to) await this.activeCluster(workspaceId, input.to, 'to');
    const found = await this.clusters.textsExist(workspaceId, ids);
    if (found !== ids.length)
      throw validationError([{ field: 'textIds', message: `${ids.length - found} of the texts do not exist in this workspace` }]);
    // A cluster groups answers to one question (or the main pool's texts) only.
    const pools = await this.feedback.poolsOf(workspaceId, ids);
    if (pools.length > 1 && input.to !== null)
      throw validationError([
        { field: 'textIds', message: 'the texts answer different questions; move them to a cluster one question at a time' },
      ]);
    return this.clusters.transaction(async (manager) => {
      // Held until commit: a merge of the target waits for this move (and then carries the texts along), or wins
      // first and this move gets 409 instead of putting texts into a cluster nobody sees any more.
      if (input.to) {
        const target = (await this.clusters.lockForShare(manager, workspaceId, [input.to])).get(input.to);
        this.checkActive(target, 'to');
        if (target!.questionId !== pools[0])
          throw validationError([{ field: 'to', message: 'the cluster groups answers to another question than these texts' }]);
      }
      let target = input.to ?? null;
      if (input.newClusterName) {
        target = randomUUID();
        await this.clusters.insert(manager, workspaceId, {
          id: target,
          label: input.newClusterName,
          name: input.newClusterName,
          keywords: [],
          language: 'und',
          questionId: pools[0] ?? null,
        });
      }
      const moved = await this.clusters.moveTexts(workspaceId, ids, target, manager);
      return { moved, clusterId: target };
    });
  }

  async importComplaints(workspaceId: string, raw: unknown[]): Promise<ComplaintImportResultDto> {
    const errors: ComplaintImportResultDto['errors'] = [];
    const valid: ImportedComplaint[] = [];
    for (const [index, value] of raw.entries()) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push({ index, field: '', message: 'each complaint must be an object' });
        continue;
      }
      const item = plainToInstance(ComplaintInputDto, value);
      const problems = flattenValidationErrors(await validate(item, VALIDATION_OPTIONS));
      if (problems.length > 0) {
        errors.push(...problems.map((p) => ({ index, ...p })));
        continue;
      }
      const language = item.language ?? detectLanguage(item.text);
      valid.push({
        externalId: item.externalId,
        text: item.text,
        language,
        sentiment: analyzeSentiment(item.text, language).label,
        touchpoint: item.touchpoint ?? null,
        customerId: item.customerId ?? null,
        occurredAt: item.occurredAt ? new Date(item.occurredAt) : new Date(),
      });
    }
    const stored = valid.length ? await this.feedback.importComplaints(workspaceId, valid) : { created: 0, existing: 0 };
    return { ...stored, errors };
  }

  private async activeCluster(workspaceId: string, id: string, field: string): Promise<void> {
    this.checkActive(await this.clusters.find(workspaceId, id), field);
  }

  /** Unknown: 404 (the path's cluster) or 400 (a body field). Merged or retired meanwhile: 409, reload and retry. */
  private checkActive(cluster: Pick<ClusterRow, 'status' | 'mergedInto'> | null | undefined, field: string): void {
    if (!cluster) {
      if (field === 'id') throw notFound('Cluster');
      throw validationError([{ field, message: `${field} is not a cluster of this workspace` }]);
    }
    if (cluster.status !== 'active') {
      const what = field === 'id' ? 'This cluster' : `The cluster in ${field}`;
      const state = cluster.status === 'merged' ? `was merged into ${cluster.mergedInto}` : 'was retired by a rebuild';
      throw conflict('cluster_not_active', `${what} ${state} (perhaps just now, by someone else). Reload the clusters and try again.`);
    }
  }

  private toDto(row: ClusterStatsRow, examples: ClusterTextRow[]): ClusterDto {
    return {
      id: row.id,
      name: row.name ?? row.label,
      label: row.label,
      customName: row.name,
      keywords: row.keywords,
      language: row.language,
      questionId: row.questionId,
      size: row.size,
      lastSevenDays: row.recent,
      previousSevenDays: row.previous,
      growth: row.previous === 0 ? null : Math.round((row.recent / row.previous) * 100) / 100,
      sentiment: { negative: row.negative, neutral: row.neutral, positive: row.positive },
      pinned: row.pinned,
      examples: examples.map(toTextDto),
      createdAt: row.createdAt.toISOString(),
    };
  }
}
