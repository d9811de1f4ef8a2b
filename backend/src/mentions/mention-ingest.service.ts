import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { FieldError } from '../common/http/api-error';
import { flattenValidationErrors, VALIDATION_OPTIONS } from '../common/http/validation.pipe';
import { WebhookEvents } from '../webhooks/webhook-events';
import { featureSet, NEAR_SIMILARITY, similarity } from './dedup/dedup-text';
import type { AnalysedMention } from './mention-analysis';
import { MentionInputDto, type MentionIngestItemDto, type MentionIngestResultDto } from './mention-input.dto';
import { type MentionInsert, mentionKey, MentionsRepository, type OriginalCandidate } from './mentions.repository';
import { SpikeAlertsService } from './spikes/spike-alerts.service';
import { analyseTexts, dedupWords } from './text-work';

export type MentionChannel = MentionInsert['channel'];

/** How far back a near-identical text still counts as a copy of an earlier one. */
const NEAR_WINDOW_DAYS = 30;
const NEAR_CANDIDATE_LIMIT = 2000;
/** Longest stretch of item validation before the event loop gets a turn. */
const YIELD_EVERY_MS = 10;
/** A post dated further ahead than this is a sender's clock or format error. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

interface Original {
  id: string;
  features: Set<string>;
}

/** Originals findable by any of their MinHash band keys. */
class BandIndex {
  private readonly byBand = new Map<number, Original[]>();

  add(original: Original, bands: readonly number[] | null): void {
    for (const band of bands ?? []) {
      const list = this.byBand.get(band);
      if (list) list.push(original);
      else this.byBand.set(band, [original]);
    }
  }

  /** Distinct originals sharing a band with `bands`, in the order they were added. */
  candidates(bands: readonly number[]): Original[] {
    const seen = new Set<Original>();
    for (const band of bands) for (const original of this.byBand.get(band) ?? []) seen.add(original);
    return [...seen];
  }
}

/**
 * The one ingest path for mentions from every channel: validate each item on its own, tag language
 * and sentiment, link reposts and near-identical copies to their original (`duplicate_of`) and
 * replies to their parent, store idempotently by (source, externalId), announce new mentions to
 * webhooks in the same transaction, then look for a spike of negative mentions.
 */
@Injectable()
export class MentionIngestService {
  private readonly logger = new Logger('MentionIngest');

  constructor(
    private readonly mentions: MentionsRepository,
    private readonly spikes: SpikeAlertsService,
    private readonly events: WebhookEvents,
  ) {}

  /** Validates one raw item against the mention rules. */
  async validateItem(raw: unknown, now = Date.now()): Promise<{ item: MentionInputDto | null; errors: FieldError[] }> {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return { item: null, errors: [{ field: '', message: 'each mention must be an object' }] };
    const item = plainToInstance(MentionInputDto, raw);
    const errors = flattenValidationErrors(await validate(item, VALIDATION_OPTIONS));
    if (errors.length === 0 && Date.parse(item.postedAt) > now + FUTURE_TOLERANCE_MS) {
      errors.push({ field: 'postedAt', message: 'postedAt is more than a day in the future; send the time the post was published' });
    }
    if (errors.length === 0 && !item.text.trim()) errors.push({ field: 'text', message: 'text must not be empty' });
    return { item: errors.length === 0 ? item : null, errors };
  }

  async ingest(
    workspaceId: string,
    raw: unknown[],
    channel: MentionChannel,
    feedId: string | null = null,
  ): Promise<MentionIngestResultDto> {
    const items: MentionIngestItemDto[] = new Array(raw.length);
    const valid: { index: number; input: MentionInputDto }[] = [];
    // Validation resolves through microtasks, which never let the event loop in: a 1000-item batch
    // after a 5 MB JSON parse would hold it for over 100 ms. Yield to it every few milliseconds.
    let sliceStart = performance.now();
    for (const [index, value] of raw.entries()) {
      if (performance.now() - sliceStart > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      const { item, errors } = await this.validateItem(value);
      if (item) valid.push({ index, input: item });
      else items[index] = { index, status: 'invalid', errors };
    }
    // A large batch is analysed in a worker thread: seconds of CPU must not stall other requests.
    const analyses = await analyseTexts(valid.map((v) => v.input));
    const analysed: AnalysedMention[] = valid.map((v, i) => ({ ...v, ...analyses[i] }));

    const created = await this.mentions.transaction((manager) => this.store(manager, workspaceId, analysed, channel, feedId, items));

    const negativeDays = created.filter((m) => m.sentiment === -1 && !m.duplicateOf).map((m) => m.postedAt.slice(0, 10));
    try {
      await this.spikes.check(workspaceId, negativeDays);
    } catch (error) {
      // The mentions are stored; a failed spike check must not turn their acknowledgement into an error.
      this.logger.warn(`spike check failed: ${(error as Error).message}`);
    }
    const count = (status: MentionIngestItemDto['status']) => items.filter((i) => i.status === status).length;
    return {
      created: count('created'),
      existing: count('existing'),
      invalid: count('invalid'),
      duplicates: items.filter((i) => i.status === 'created' && i.duplicateOf).length,
      items,
    };
  }

  private async store(
    manager: EntityManager,
    workspaceId: string,
    analysed: AnalysedMention[],
    channel: MentionChannel,
    feedId: string | null,
    items: MentionIngestItemDto[],
  ): Promise<MentionInsert[]> {
    const existing = await this.mentions.existing(
      manager,
      workspaceId,
      analysed.map((a) => a.input),
    );
    const fresh: AnalysedMention[] = [];
    const batchIds = new Map<string, string>();
    for (const a of analysed) {
      const k = mentionKey(a.input.source, a.input.externalId);
      const id = existing.get(k) ?? batchIds.get(k);
      if (id) items[a.index] = { index: a.index, status: 'existing', id };
      else {
        batchIds.set(k, randomUUID());
        fresh.push(a);
      }
    }

    const byHash = await this.mentions.originalsByHash(manager, workspaceId, [
      ...new Set(fresh.map((a) => a.dedup.textHash).filter((h): h is string => h !== null)),
    ]);
    const needNear = fresh.filter((a) => a.dedup.bands && !(a.dedup.textHash && byHash.has(a.dedup.textHash)));
    const candidates = await this.mentions.nearCandidates(
      manager,
      workspaceId,
      [...new Set(needNear.flatMap((a) => a.dedup.bands!))],
      NEAR_WINDOW_DAYS,
      NEAR_CANDIDATE_LIMIT,
    );
    const index = new BandIndex();
    const candidateWords = await dedupWords(candidates.map((c) => c.text));
    for (const [i, c] of candidates.entries())
      index.add({ id: c.duplicateOf ?? c.id, features: featureSet(candidateWords[i]) }, c.lshBands);
    const parentKeys = fresh
      .filter((a) => a.input.parentExternalId)
      .map((a) => ({ source: a.input.source, externalId: a.input.parentExternalId! }));
    const parents = await this.mentions.parents(manager, workspaceId, parentKeys);

    // New originals of this batch join the index, so copies inside one batch link to the first of them.
    const batchByHash = new Map<string, string>();
    const rows: MentionInsert[] = [];
    for (const a of fresh) {
      const id = batchIds.get(mentionKey(a.input.source, a.input.externalId))!;
      const { duplicateOf, kind } = this.findOriginal(a, byHash, batchByHash, index);
      const parentKey = a.input.parentExternalId ? mentionKey(a.input.source, a.input.parentExternalId) : null;
      rows.push({
        id,
        source: a.input.source,
        externalId: a.input.externalId,
        url: a.input.url ?? null,
        author: a.input.author ?? null,
        text: a.input.text,
        language: a.language,
        sentiment: a.sentiment,
        sentimentScore: a.sentimentScore,
        postedAt: new Date(a.input.postedAt).toISOString(),
        reach: a.input.reach ?? null,
        parentExternalId: a.input.parentExternalId ?? null,
        parentId: parentKey ? (parents.get(parentKey) ?? batchIds.get(parentKey) ?? null) : null,
        duplicateOf,
        duplicateKind: kind,
        textHash: a.dedup.textHash,
        lshBands: a.dedup.bands,
        channel,
        feedId,
      });
      if (!duplicateOf) {
        if (a.dedup.textHash) batchByHash.set(a.dedup.textHash, id);
        index.add({ id, features: featureSet(a.dedup.words) }, a.dedup.bands);
      }
    }

    // A parent later in the same batch than its reply: resolve from the batch.
    for (const row of rows)
      if (row.parentExternalId && !row.parentId) row.parentId = batchIds.get(mentionKey(row.source, row.parentExternalId)) ?? null;
    const inserted = await this.mentions.insert(manager, workspaceId, rows);
    const createdRows = rows.filter((r) => inserted.has(r.id));
    await this.mentions.adoptOrphans(
      manager,
      workspaceId,
      createdRows.map((r) => ({ id: r.id, source: r.source, externalId: r.externalId })),
    );

    const raced = rows.filter((r) => !inserted.has(r.id));
    const racedIds = await this.mentions.existing(manager, workspaceId, raced);
    for (const [i, a] of fresh.entries()) {
      const row = rows[i];
      items[a.index] = inserted.has(row.id)
        ? { index: a.index, status: 'created', id: row.id, duplicateOf: row.duplicateOf, language: row.language, sentiment: row.sentiment }
        : { index: a.index, status: 'existing', id: racedIds.get(mentionKey(row.source, row.externalId)) };
    }
    await this.events.publishMany(workspaceId, 'mention.created', createdRows.map(mentionEvent), manager);
    return createdRows;
  }

  /** A repost or exact copy by normalised-text hash first, then a near-identical text by MinHash + similarity. */
  private findOriginal(
    a: AnalysedMention,
    byHash: Map<string, OriginalCandidate>,
    batchByHash: Map<string, string>,
    index: BandIndex,
  ): { duplicateOf: string | null; kind: MentionInsert['duplicateKind'] } {
    const kind = a.dedup.repostOf !== null ? 'repost' : 'exact';
    if (a.dedup.textHash) {
      const match = byHash.get(a.dedup.textHash);
      if (match) return { duplicateOf: match.duplicateOf ?? match.id, kind };
      const inBatch = batchByHash.get(a.dedup.textHash);
      if (inBatch) return { duplicateOf: inBatch, kind };
    }
    if (!a.dedup.bands) return { duplicateOf: null, kind: null };
    const features = featureSet(a.dedup.words);
    let best: { id: string; score: number } | null = null;
    for (const candidate of index.candidates(a.dedup.bands)) {
      const score = similarity(features, candidate.features);
      if (score >= NEAR_SIMILARITY && (!best || score > best.score)) best = { id: candidate.id, score };
    }
    return best ? { duplicateOf: best.id, kind: a.dedup.repostOf !== null ? 'repost' : 'near' } : { duplicateOf: null, kind: null };
  }
}

/** The `mention.created` webhook body. */
function mentionEvent(row: MentionInsert) {
  return {
    mentionId: row.id,
    source: row.source,
    externalId: row.externalId,
    url: row.url,
    author: row.author,
    text: row.text,
    language: row.language,
    sentiment: row.sentiment,
    postedAt: row.postedAt,
    reach: row.reach,
    parentId: row.parentId,
    duplicateOf: row.duplicateOf,
  };
}
