import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { validationError } from '../../common/http/validation.pipe';
import { resolvePeriod, type Period } from '../../common/http/period';
import { CustomerLossesReader, type RedCustomer } from '../../customers/customer-losses.reader';
import { bucketEdges } from '../../metrics';
import { SegmentsReader } from '../../segments/segments.reader';
import { ReasonCatalog } from '../analytics/reason-catalog';
import { ChurnReasonsService } from '../churn-reasons.service';
import { LossReasonResolver } from './loss-reason.resolver';
import { isLossReasonKey, LOSS_REASON_KINDS, type LossReason, UNKNOWN_REASON } from './loss-reasons';
import { spectrumFigures, trendFigures } from './red-spectrum-figures';
import type {
  LossReasonDto,
  RedCustomerDto,
  RedCustomerPageDto,
  RedSpectrumCustomersQuery,
  RedSpectrumDto,
  RedSpectrumQuery,
} from './red-spectrum.dto';

/** Default period: the last twelve months. */
const SPECTRUM_DAYS = 365;
const PAGE = 50;

const encodeCursor = (c: RedCustomer) => Buffer.from(JSON.stringify([c.enteredAt.toISOString(), c.externalId])).toString('base64url');

function decodeCursor(cursor: string): { at: number; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(at))) return { at: Date.parse(at), id };
  } catch {
    // falls through to the 400 below
  }
  throw validationError([{ field: 'cursor', message: 'cursor must be a nextCursor from a previous page' }]);
}

/** Latest entry first, then by id: the drill-down's stable order. */
/** Survey and cluster names are answer data: an API token sees them only with responses:read (people see them). */
const namesFeedback = (principal: Principal) => principal.kind !== 'token' || principal.scopes.includes('responses:read');

const newestFirst = (a: RedCustomer, b: RedCustomer) =>
  b.enteredAt.getTime() - a.enteredAt.getTime() || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);

/**
 * The red spectrum: customers in the red statuses by loss reason ("which reasons lose us our long-term clients").
 * Money lost is the MRR on the customer's record (customers.mrr): every red customer has it, whether or not they left
 * through a cancellation flow, and a cancellation does not reset it, so it is the MRR they had when they were lost.
 */
@Injectable()
export class RedSpectrumService {
  constructor(
    private readonly losses: CustomerLossesReader,
    private readonly resolver: LossReasonResolver,
    private readonly segments: SegmentsReader,
    private readonly reasons: ChurnReasonsService,
  ) {}

  async spectrum(workspaceId: string, principal: Principal, query: RedSpectrumQuery): Promise<RedSpectrumDto> {
    const period = resolvePeriod(query, SPECTRUM_DAYS);
    const segment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    const filter = { from: period.from, to: period.to, segment };
    const [customers, entries, catalog] = await Promise.all([
      this.losses.redCustomers(workspaceId, filter),
      this.losses.redEntries(workspaceId, { ...filter, timeZone: period.timeZone }),
      this.catalog(workspaceId, query.language),
    ]);
    const reasons = await this.resolver.reasonsOf(
      workspaceId,
      [...customers, ...entries].map((c) => c.externalId),
      namesFeedback(principal),
    );
    const reasonOf = (id: string) => reasons.get(id) ?? UNKNOWN_REASON;
    const figures = spectrumFigures(customers, reasonOf);
    const months = trendFigures(entries, monthsOf(period), reasonOf);
    const used = new Set([...figures.cells, ...months.flatMap((m) => m.cells)].map((c) => c.reasonKey));
    const customersOf = (key: string) => figures.cells.filter((c) => c.reasonKey === key).reduce((n, c) => n + c.customers, 0);
    const legend = [...new Map([...reasons.values()].filter((r) => used.has(r.key)).map((r) => [r.key, r])).values()];
    const catalogOrder = new Map(
      catalog.ordered(legend.filter((r) => r.kind === 'churn_reason').map((r) => r.key)).map((e, i) => [e.key, i]),
    );
    legend.sort(
      (a, b) =>
        LOSS_REASON_KINDS.indexOf(a.kind) - LOSS_REASON_KINDS.indexOf(b.kind) ||
        (catalogOrder.get(a.key) ?? 0) - (catalogOrder.get(b.key) ?? 0) ||
        customersOf(b.key) - customersOf(a.key) ||
        (a.key < b.key ? -1 : 1),
    );
    return {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      ...figures,
      reasons: legend.map((r) => labelled(r, catalog)),
      months,
    };
  }

  /** One page of the red customers of a status and/or reason, latest entry first. */
  async customers(workspaceId: string, principal: Principal, query: RedSpectrumCustomersQuery): Promise<RedCustomerPageDto> {
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const { rows, toDto } = await this.matching(workspaceId, principal, query);
    const rest = after
      ? rows.filter((c) => c.enteredAt.getTime() < after.at || (c.enteredAt.getTime() === after.at && c.externalId > after.id))
      : rows;
    const limit = query.limit ?? PAGE;
    const page = rest.slice(0, limit);
    return { items: page.map(toDto), nextCursor: rest.length > limit ? encodeCursor(page[page.length - 1]) : null };
  }

  /** Every customer of the drill-down, for its CSV. */
  async allCustomers(workspaceId: string, principal: Principal, query: RedSpectrumCustomersQuery): Promise<RedCustomerDto[]> {
    const { rows, toDto } = await this.matching(workspaceId, principal, query);
    return rows.map(toDto);
  }

  private async matching(workspaceId: string, principal: Principal, query: RedSpectrumCustomersQuery) {
    if (query.reason !== undefined && !isLossReasonKey(query.reason)) {
      throw validationError([
        { field: 'reason', message: 'reason must be a churn reason key, cluster:<id>, survey:<id>, negative_feedback or unknown' },
      ]);
    }
    const period = resolvePeriod(query, SPECTRUM_DAYS);
    const segment = await this.segments.optionalFilter(workspaceId, query.segmentId);
    const [all, catalog] = await Promise.all([
      this.losses.redCustomers(workspaceId, { from: period.from, to: period.to, segment }),
      this.catalog(workspaceId, query.language),
    ]);
    const inStatus = all.filter((c) => query.status === undefined || c.status === query.status);
    const reasons = await this.resolver.reasonsOf(
      workspaceId,
      inStatus.map((c) => c.externalId),
      namesFeedback(principal),
    );
    const reasonOf = (id: string) => reasons.get(id) ?? UNKNOWN_REASON;
    const rows = inStatus.filter((c) => query.reason === undefined || reasonOf(c.externalId).key === query.reason).sort(newestFirst);
    const toDto = (c: RedCustomer): RedCustomerDto => ({
      externalId: c.externalId,
      name: c.name,
      status: c.status,
      reason: labelled(reasonOf(c.externalId), catalog),
      moneyLost: c.mrr,
      enteredAt: c.enteredAt.toISOString(),
    });
    return { rows, toDto };
  }

  private async catalog(workspaceId: string, language = 'en'): Promise<ReasonCatalog> {
    return new ReasonCatalog(await this.reasons.list(workspaceId), language);
  }
}

function labelled(reason: LossReason, catalog: ReasonCatalog): LossReasonDto {
  const label = reason.kind === 'churn_reason' ? catalog.entry(reason.key).label : (reason.name ?? reason.key);
  return { key: reason.key, kind: reason.kind, label };
}

function monthsOf(period: Period): string[] {
  return bucketEdges({ from: period.from, to: period.to, interval: 'month', timeZone: period.timeZone }).map((b) => b.label);
}
