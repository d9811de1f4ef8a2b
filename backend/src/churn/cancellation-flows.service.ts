import { HttpStatus, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ApiError, idempotencyKeyTaken, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { chooseLanguage, directionOf, pick, type CancellationConfig } from '@otklik/survey-model';
import { cancellationUiText } from './cancellation-texts';
import type {
  CancellationRecordedDto,
  CreateFlowDto,
  FlowDto,
  FlowOfferDto,
  SubmitCancellationDto,
  UpdateFlowDto,
} from './cancellation-flows.dto';
import { offerProblems, type SaveOffer } from './default-reasons';
import { CancellationFlowsRepository, CancellationRecord, FlowRow } from './cancellation-flows.repository';
import { ChurnReasonsService } from './churn-reasons.service';
import type { ReasonDto } from './churn-reasons.dto';
import { WebhookEvents } from '../webhooks/webhook-events';
import { CustomerIdentityService, customerNotVerified } from '../customer-identity/customer-identity.service';

const toDto = (row: FlowRow): FlowDto => ({
  id: row.id,
  publicKey: row.publicKey,
  name: row.name,
  status: row.status,
  languages: row.languages,
  defaultLanguage: row.defaultLanguage,
  allowedOrigins: row.allowedOrigins,
  reasonKeys: row.reasonKeys,
  randomizeReasons: row.randomizeReasons,
  requireVerifiedCustomer: row.requireVerifiedCustomer,
  followUpEnabled: row.followUpEnabled,
  followUpQuestion: row.followUpQuestion,
  offers: Object.entries(row.offerOverrides).map(([reasonKey, offer]) => ({ reasonKey, offer })),
  createdAt: row.createdAt.toISOString(),
});

const overridesOf = (offers: FlowOfferDto[]): Record<string, SaveOffer | null> =>
  Object.fromEntries(offers.map((o) => [o.reasonKey, o.offer ? { ...o.offer } : null]));

/** The flow's own question, else the standard one; empty when the step is off (the widget then skips it). */
function followUpQuestion(flow: FlowRow, language: string, standard: string): string {
  if (!flow.followUpEnabled) return '';
  return Object.keys(flow.followUpQuestion).length ? pick(flow.followUpQuestion, language, flow.defaultLanguage) : standard;
}

/** Fisher–Yates; "other" is kept last, where people look for it. */
function shuffled<T extends { key: string }>(items: T[]): T[] {
  const rest = items.filter((r) => r.key !== 'other');
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return [...rest, ...items.filter((r) => r.key === 'other')];
}

/** The `cancellation.finished` webhook body: what a billing system needs to pause, discount or cancel. */
export function cancellationEvent(flow: FlowRow, record: CancellationRecord, offered: ReasonDto[]) {
  const reason = offered.find((r) => r.key === record.reasonKey);
  return {
    cancellationId: record.id,
    flow: { id: flow.id, name: flow.name },
    customerId: record.customerId,
    /** false: the widget sent no valid identity hash, so the customer was not marked as left. */
    customerVerified: record.customerVerified,
    outcome: record.outcome,
    reason: record.reasonKey
      ? {
          key: record.reasonKey,
          label: reason ? pick(reason.labels, flow.defaultLanguage, flow.defaultLanguage) : record.reasonKey,
          avoidable: reason?.avoidable ?? null,
        }
      : null,
    otherText: record.otherText,
    followUp: record.followUp,
    offer: record.outcome === 'saved' ? record.offer : null,
    mrr: record.mrr === null ? null : Number(record.mrr),
    language: record.language,
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class CancellationFlowsService {
  constructor(
    private readonly flows: CancellationFlowsRepository,
    private readonly reasons: ChurnReasonsService,
    private readonly events: WebhookEvents,
    private readonly identity: CustomerIdentityService,
  ) {}

  async list(workspaceId: string): Promise<FlowDto[]> {
    return (await this.flows.list(workspaceId)).map(toDto);
  }

  async create(workspaceId: string, input: CreateFlowDto): Promise<FlowDto> {
    const languages = input.languages ?? ['en'];
    const defaultLanguage = input.defaultLanguage ?? languages[0];
    await this.assertValid(workspaceId, languages, defaultLanguage, input);
    const row = await this.flows.create({
      workspaceId,
      publicKey: `cxl_${randomBytes(15).toString('base64url').replace(/[-_]/g, 'x')}`,
      name: input.name,
      status: input.status ?? 'live',
      languages,
      defaultLanguage,
      allowedOrigins: input.allowedOrigins ?? [],
      reasonKeys: input.reasonKeys ?? [],
      randomizeReasons: input.randomizeReasons ?? false,
      requireVerifiedCustomer: input.requireVerifiedCustomer ?? true,
      followUpEnabled: input.followUpEnabled ?? true,
      followUpQuestion: input.followUpQuestion ?? {},
      offerOverrides: overridesOf(input.offers ?? []),
    });
    return toDto(row);
  }

  async update(workspaceId: string, id: string, input: UpdateFlowDto): Promise<FlowDto> {
    const current = await this.flows.find(workspaceId, id);
    if (!current) throw notFound('Cancellation flow');
    const languages = input.languages ?? current.languages;
    const defaultLanguage = input.defaultLanguage ?? (languages.includes(current.defaultLanguage) ? current.defaultLanguage : languages[0]);
    await this.assertValid(workspaceId, languages, defaultLanguage, input);
    const { offers, followUpQuestion, ...fields } = input;
    await this.flows.update(workspaceId, id, {
      ...fields,
      languages: input.languages,
      defaultLanguage,
      followUpQuestion: followUpQuestion === undefined ? undefined : (followUpQuestion ?? {}),
      offerOverrides: offers ? overridesOf(offers) : undefined,
    });
    return toDto((await this.flows.find(workspaceId, id))!);
  }

  private async assertValid(
    workspaceId: string,
    languages: string[],
    defaultLanguage: string,
    input: { reasonKeys?: string[]; offers?: FlowOfferDto[] },
  ): Promise<void> {
    const problems: { field: string; message: string }[] = [];
    if (!languages.includes(defaultLanguage)) {
      problems.push({ field: 'defaultLanguage', message: `defaultLanguage "${defaultLanguage}" must be one of the flow's languages` });
    }
    const reasonKeys = input.reasonKeys ?? [];
    const offerKeys = (input.offers ?? []).map((o) => o.reasonKey);
    const repeated = (keys: string[]) => [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
    if (repeated(reasonKeys).length)
      problems.push({ field: 'reasonKeys', message: `reason keys repeat: ${repeated(reasonKeys).join(', ')}` });
    (input.offers ?? []).forEach((o, i) => problems.push(...offerProblems(o.offer, `offers[${i}].offer`)));
    if (repeated(offerKeys).length)
      problems.push({ field: 'offers', message: `more than one offer for: ${repeated(offerKeys).join(', ')}` });
    if (reasonKeys.length || offerKeys.length) {
      const all = await this.reasons.list(workspaceId);
      const known = new Set(all.map((r) => r.key));
      const unknown = reasonKeys.filter((k) => !known.has(k));
      if (unknown.length > 0) problems.push({ field: 'reasonKeys', message: `unknown reason keys: ${unknown.join(', ')}` });
      const unknownOffers = offerKeys.filter((k) => !known.has(k));
      if (unknownOffers.length > 0)
        problems.push({ field: 'offers', message: `offers name unknown reason keys: ${unknownOffers.join(', ')}` });
    }
    if (problems.length > 0) throw validationError(problems);
  }

  /** The reasons a flow offers now: its list (or every active reason), archived ones left out. */
  private async offered(flow: FlowRow): Promise<ReasonDto[]> {
    // The flow's own offer for a reason replaces the taxonomy's (null: no offer in this flow).
    const all = (await this.reasons.list(flow.workspaceId))
      .filter((r) => !r.archived)
      .map((r) => (r.key in flow.offerOverrides ? { ...r, offer: flow.offerOverrides[r.key] } : r));
    if (flow.reasonKeys.length === 0) return all;
    const byKey = new Map(all.map((r) => [r.key, r]));
    return flow.reasonKeys.map((k) => byKey.get(k)).filter((r): r is ReasonDto => r !== undefined);
  }

  private async liveFlow(publicKey: string): Promise<FlowRow> {
    const flow = await this.flows.findByPublicKey(publicKey);
    if (!flow) throw notFound('Cancellation flow');
    return flow;
  }

  async originsOf(publicKey: string): Promise<{ allowedOrigins: string[] } | null> {
    return this.flows.findByPublicKey(publicKey);
  }

  async publicConfig(publicKey: string, requestedLanguage?: string): Promise<CancellationConfig> {
    const flow = await this.liveFlow(publicKey);
    if (flow.status !== 'live') throw new ApiError(HttpStatus.CONFLICT, 'not_live', 'This cancellation flow is paused.');
    return this.configOf(flow, requestedLanguage);
  }

  /**
   * What the widget would get for a flow as it is being edited (nothing stored): the dashboard's live preview
   * renders the real cancel.js element with it, so labels, offers and texts come from the same code as the public GET.
   */
  async preview(workspaceId: string, input: UpdateFlowDto, requestedLanguage?: string): Promise<CancellationConfig> {
    const languages = input.languages ?? ['en'];
    const defaultLanguage = input.defaultLanguage ?? languages[0];
    await this.assertValid(workspaceId, languages, defaultLanguage, input);
    const flow: FlowRow = {
      workspaceId,
      id: '',
      publicKey: 'cxl_preview',
      name: input.name ?? '',
      status: 'paused',
      languages,
      defaultLanguage,
      allowedOrigins: [],
      reasonKeys: input.reasonKeys ?? [],
      randomizeReasons: false,
      requireVerifiedCustomer: true,
      followUpEnabled: input.followUpEnabled ?? true,
      followUpQuestion: input.followUpQuestion ?? {},
      offerOverrides: overridesOf(input.offers ?? []),
      createdAt: new Date(),
    };
    return this.configOf(flow, requestedLanguage);
  }

  private async configOf(flow: FlowRow, requestedLanguage?: string): Promise<CancellationConfig> {
    const language = chooseLanguage(requestedLanguage, flow.languages, flow.defaultLanguage);
    const ui = cancellationUiText(language);
    const reasons = (await this.offered(flow)).map((r) => ({
      key: r.key,
      label: pick(r.labels, language, flow.defaultLanguage),
      offer: r.offer ? { ...r.offer, text: pick(r.offer.text, language, flow.defaultLanguage) } : null,
    }));
    return {
      publicKey: flow.publicKey,
      language,
      direction: directionOf(language),
      reasons: flow.randomizeReasons ? shuffled(reasons) : reasons,
      ui: { ...ui, followUp: followUpQuestion(flow, language, ui.followUp) },
    };
  }

  /**
   * One step of a flow run. The server decides which offer goes with the reason and what the
   * outcome is: `saved` when the offer was accepted, otherwise `cancelled`.
   */
  async submit(publicKey: string, input: SubmitCancellationDto): Promise<{ created: boolean; body: CancellationRecordedDto }> {
    const flow = await this.liveFlow(publicKey);
    if (flow.status !== 'live') throw new ApiError(HttpStatus.CONFLICT, 'not_live', 'This cancellation flow is paused.');
    const offered = await this.offered(flow);
    const reason = input.reasonKey ? offered.find((r) => r.key === input.reasonKey) : undefined;
    const problems: { field: string; message: string }[] = [];
    if (input.reasonKey && !reason)
      problems.push({ field: 'reasonKey', message: `reasonKey must be one of: ${offered.map((r) => r.key).join(', ')}` });
    if (input.finished && !input.reasonKey) problems.push({ field: 'reasonKey', message: 'reasonKey is required to finish' });
    if (input.finished && input.reasonKey === 'other' && !input.otherText?.trim()) {
      problems.push({ field: 'otherText', message: 'otherText is required when the reason is "other"' });
    }
    if (input.offerAccepted && reason && !reason.offer)
      problems.push({ field: 'offerAccepted', message: 'this reason has no offer to accept' });
    if (problems.length > 0) throw validationError(problems);
    const customerVerified = await this.identity.isVerified(flow.workspaceId, input.customerId, input.customerHash);
    if (input.customerId && !customerVerified && flow.requireVerifiedCustomer) throw customerNotVerified('cancellation flow');

    const result = await this.flows.upsertCancellation(
      flow,
      {
        idempotencyKey: input.idempotencyKey,
        customerId: input.customerId ?? null,
        customerVerified,
        reasonKey: input.reasonKey ?? null,
        offeredReasonKeys: offered.map((r) => r.key),
        otherText: input.otherText?.trim() || null,
        followUp: input.followUp?.trim() || null,
        offer: reason?.offer ?? null,
        outcome: input.finished ? (input.offerAccepted ? 'saved' : 'cancelled') : null,
        language: input.language ? chooseLanguage(input.language, flow.languages, flow.defaultLanguage) : null,
      },
      async (manager, record) => {
        // Announced in the same transaction as the outcome, exactly once per run (retries are not "just finished").
        if (record.justFinished)
          await this.events.publish(flow.workspaceId, 'cancellation.finished', cancellationEvent(flow, record, offered), manager);
      },
    );
    if (!result) throw idempotencyKeyTaken('cancellation run');
    return { created: result.created, body: { cancellationId: result.id, finished: result.finished, outcome: result.outcome } };
  }
}
