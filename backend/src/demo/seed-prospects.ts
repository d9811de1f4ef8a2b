import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BulkCustomerDto } from '../customers/customers.dto';
import { CustomersService } from '../customers/customers.service';
import type { ColourStatus, OfferResponse } from '../customers/status/colour-status';
import { DEFAULT_STATUS_RULES, deriveColourStatus } from '../customers/status/derive-colour-status';
import type { DemoHistoryRepository } from './demo-history.repository';
import { DemoStatusRepository, type HistoryStatusChange, type StatusProfile } from './demo-status.repository';
import { LANGUAGE_WEIGHTS, personName } from './names';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { StoryClock } from './story';

const DAY_MS = 86_400_000;

/** Leads per planned (buying) customer: the top of the funnel the story's buyers came through. */
const PROSPECT_SHARE = 0.15;

/** How many prospects a story of `customers` buyers has (the demo's customer total is both). */
export const prospectCount = (customers: number): number => Math.round(customers * PROSPECT_SHARE);

const PLACES = [
  { country: 'Россия', region: 'Москва', city: 'Москва' },
  { country: 'Россия', region: 'Санкт-Петербург', city: 'Санкт-Петербург' },
  { country: 'Россия', region: 'Республика Татарстан', city: 'Казань' },
  { country: 'Россия', region: 'Свердловская область', city: 'Екатеринбург' },
  { country: 'България', region: 'София-град', city: 'София' },
];
const INDUSTRIES = ['IT', 'Логистика', 'Финансы', 'Розничная торговля', 'Маркетинг', 'Образование'];

/** What leads said to the box offer after they were first seen; most only gave an address. */
const OFFERS: [OfferResponse | null, number][] = [
  ['interested', 0.25],
  ['requested', 0.12],
  ['declined', 0.2],
  [null, 0.43],
];

/**
 * Leads who never bought: people and offices that signed up for the newsletter, looked at the offer, asked for a box
 * or turned it down. They fill the funnel's top (white, grey, yellow, green, green-gold) and red-green, each with the
 * history of how they got there (first seen, then the offer answered), derived by the same rules the app runs.
 */
export async function seedProspects(
  app: INestApplicationContext,
  workspaceId: string,
  buyers: number,
  seed: number,
  clock: StoryClock,
  history: DemoHistoryRepository,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(seed).fork('prospects');
  const service = app.get(CustomersService);
  const count = prospectCount(buyers);
  const rows: (BulkCustomerDto & { createdAt: Date })[] = [];
  const profiles: StatusProfile[] = [];
  const changes: HistoryStatusChange[] = [];
  const finals: { externalId: string; status: ColourStatus; stoppedAt: Date | null }[] = [];
  for (let i = 0; i < count; i += 1) {
    const one = rng.fork(`lead-${i}`);
    const externalId = `lead_${String(i + 1).padStart(4, '0')}`;
    const language = one.weighted(LANGUAGE_WEIGHTS);
    const person = personName(one, language, 9000 + i);
    const firstSeen = clock.at(one.int(5, 355));
    const marketing = one.chance(0.4);
    const organisation = one.chance(0.3);
    const decisionMaker = organisation && one.chance(0.5) ? personName(one, language, 9500 + i).full : null;
    const roll = one.next();
    let acc = 0;
    const offer = OFFERS.find(([, share]) => (acc += share) > roll)![0];
    const offerAt = offer ? new Date(Math.min(firstSeen.getTime() + one.int(2, 60) * DAY_MS, clock.now.getTime() - 60_000)) : null;
    const place = one.pick(PLACES);
    const raw = {
      externalId,
      name: organisation ? `${one.pick(INDUSTRIES)}: ${person.last}` : person.full,
      email: person.email,
      lifecycleStage: offer === 'requested' || offer === 'interested' ? 'considering' : 'aware',
      mrr: 0,
      orderCount: 0,
      consents: { marketing: { granted: marketing, at: firstSeen.toISOString(), source: 'newsletter form' } },
      attributes: { source: 'lead', language },
      firstSeenAt: firstSeen.toISOString(),
      lastSeenAt: (offerAt ?? firstSeen).toISOString(),
    };
    const checked = await service.validateRow(raw);
    if (!checked.row) throw new Error(`demo prospect ${externalId} rejected: ${JSON.stringify(checked.errors)}`);
    rows.push({ ...checked.row, createdAt: firstSeen });
    profiles.push({
      externalId,
      ...place,
      industry: organisation ? one.pick(INDUSTRIES) : null,
      isOrganisation: organisation,
      decisionMaker,
      offerResponse: offer,
      offerResponseAt: offerAt,
    });
    // The status when first seen (no offer answered yet), then after the offer was answered.
    let status: ColourStatus | null = null;
    for (const [at, answered] of [[firstSeen, null], ...(offerAt ? [[offerAt, offer]] : [])] as [Date, OfferResponse | null][]) {
      const derived = deriveColourStatus(
        {
          lifecycleStage: 'aware',
          orderCount: 0,
          firstSeenAt: firstSeen,
          lastSeenAt: at,
          lastOrderAt: null,
          stoppedAt: null,
          offerResponse: answered,
          marketingConsent: marketing,
          isOrganisation: organisation,
          decisionMaker,
        },
        DEFAULT_STATUS_RULES,
        at,
      );
      if (derived.status !== status) changes.push({ externalId, from: status, to: derived.status, at, detail: derived.rule });
      status = derived.status;
    }
    finals.push({ externalId, status: status ?? 'white', stoppedAt: null });
  }
  await history.insertCustomers(workspaceId, rows);
  await new DemoStatusRepository(app.get(DataSource)).store(workspaceId, profiles, changes, finals);
  progress.note(`${count} leads who have not bought yet, ${changes.length} colour-status changes`);
}
