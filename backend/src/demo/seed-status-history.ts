import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ColourStatus, OfferResponse } from '../customers/status/colour-status';
import { CustomerStatusService } from '../customers/status/customer-status.service';
import { DEFAULT_STATUS_RULES, deriveColourStatus, type StatusFacts } from '../customers/status/derive-colour-status';
import { DemoStatusRepository, type HistoryStatusChange, type StatusProfile } from './demo-status.repository';
import { personName } from './names';
import type { PlannedCustomer } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import { planActivity } from './seed-activity';
import type { DemoTeam } from './seed-team';
import type { StoryClock } from './story';

const DAY_MS = 86_400_000;

/** Where the story's cities are (the plan names them in the customer's language). */
const PLACES: Record<string, { country: string; region: string; city: string }> = {
  Москва: { country: 'Россия', region: 'Москва', city: 'Москва' },
  Moscow: { country: 'Russia', region: 'Moscow', city: 'Moscow' },
  'Санкт-Петербург': { country: 'Россия', region: 'Санкт-Петербург', city: 'Санкт-Петербург' },
  'Saint Petersburg': { country: 'Russia', region: 'Saint Petersburg', city: 'Saint Petersburg' },
  Казань: { country: 'Россия', region: 'Республика Татарстан', city: 'Казань' },
  Kazan: { country: 'Russia', region: 'Tatarstan', city: 'Kazan' },
  Екатеринбург: { country: 'Россия', region: 'Свердловская область', city: 'Екатеринбург' },
  'Нижний Новгород': { country: 'Россия', region: 'Нижегородская область', city: 'Нижний Новгород' },
};

/** Office customers order lunches for their teams: these are their lines of business. */
const INDUSTRIES = ['IT', 'Логистика', 'Финансы', 'Розничная торговля', 'Маркетинг', 'Производство', 'Образование', 'Медицина'];

/** How customers first answered the box offer before they bought (most did not answer, they just ordered). */
const OFFERS: [OfferResponse | null, number][] = [
  ['interested', 0.22],
  ['requested', 0.12],
  [null, 0.66],
];

/** Hand overrides an analyst made, with why. */
const OVERRIDES: { pick: (c: PlannedCustomer) => boolean; status: ColourStatus; reason: string }[] = [
  {
    pick: (c) => c.segment === 'offices' && c.leftDay === null && c.quietFromDay === null,
    status: 'platinum',
    reason: 'Ключевой корпоративный клиент: заказывает через головную компанию, заказы не видны в нашей системе',
  },
  {
    pick: (c) => c.leftDay !== null && c.segment === 'families',
    status: 'red_platinum',
    reason: 'Семья с нами с запуска сервиса, ушла к конкуренту — считаем потерей долгого клиента',
  },
];

function profileOf(c: PlannedCustomer, rng: Prng, clock: StoryClock): StatusProfile {
  const place = PLACES[c.city] ?? { country: 'Россия', region: c.city, city: c.city };
  const organisation = c.segment === 'offices';
  // Most offices named the person who decides; some are still only a reception desk or an office manager.
  const decisionMaker = organisation && rng.chance(0.75) ? personName(rng, c.language, 0).full : null;
  const roll = rng.next();
  let acc = 0;
  const offer = OFFERS.find(([, share]) => (acc += share) > roll)![0];
  return {
    externalId: c.externalId,
    ...place,
    industry: organisation ? rng.pick(INDUSTRIES) : null,
    isOrganisation: organisation,
    decisionMaker,
    offerResponse: offer,
    offerResponseAt: offer ? clock.at(c.firstSeenDay) : null,
  };
}

/**
 * One customer's year as colour statuses: the facts as they were at each moment that could move the status (first
 * seen, each order, the day inactivity would count as stopping, the day they left, now), derived by the same rules
 * the app runs, and each change kept with its time.
 */
function historyOf(
  c: PlannedCustomer,
  profile: StatusProfile,
  orderDays: number[],
  clock: StoryClock,
): { changes: HistoryStatusChange[]; final: { status: ColourStatus; stoppedAt: Date | null } } {
  const rules = DEFAULT_STATUS_RULES;
  const firstSeen = clock.at(c.firstSeenDay);
  const moments = new Set<number>([firstSeen.getTime(), clock.now.getTime()]);
  for (const day of orderDays) {
    const at = clock.at(day).getTime();
    moments.add(at);
    moments.add(at + (rules.stoppedAfterDays + 1) * DAY_MS);
  }
  if (c.leftDay !== null) moments.add(clock.at(c.leftDay).getTime());
  const orders = orderDays.map((day) => clock.at(day).getTime()).sort((a, b) => a - b);
  const changes: HistoryStatusChange[] = [];
  let status: ColourStatus | null = null;
  let stoppedAt: Date | null = null;
  for (const time of [...moments].filter((t) => t >= firstSeen.getTime() && t <= clock.now.getTime()).sort((a, b) => a - b)) {
    const done = orders.filter((t) => t <= time);
    const facts: StatusFacts = {
      lifecycleStage: c.leftDay !== null && clock.at(c.leftDay).getTime() <= time ? 'left' : 'repeat',
      orderCount: done.length,
      firstSeenAt: firstSeen,
      lastSeenAt: new Date(done.at(-1) ?? firstSeen.getTime()),
      lastOrderAt: done.length > 0 ? new Date(done.at(-1)!) : null,
      stoppedAt,
      offerResponse: profile.offerResponse,
      marketingConsent: c.marketingConsent,
      isOrganisation: profile.isOrganisation,
      decisionMaker: profile.decisionMaker,
    };
    const derived = deriveColourStatus(facts, rules, new Date(time));
    stoppedAt = derived.stoppedAt;
    if (derived.status !== status) {
      changes.push({ externalId: c.externalId, from: status, to: derived.status, at: new Date(time), detail: derived.rule });
      status = derived.status;
    }
  }
  return { changes, final: { status: status ?? 'white', stoppedAt } };
}

/**
 * Territory, industry, organisations and offers answered on the planned customers, then a year of colour-status
 * history derived from the plan (when each joined, ordered, went quiet or left) so the funnel's months and flows
 * read like a real base; finally an analyst's overrides with their reasons.
 */
export async function seedStatusHistory(
  app: INestApplicationContext,
  workspaceId: string,
  customers: readonly PlannedCustomer[],
  seed: number,
  team: DemoTeam,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const rng = new Prng(seed).fork('status');
  const orderDays = new Map<string, number[]>();
  for (const event of planActivity(customers, seed)) {
    if (event.kind !== 'order') continue;
    const days = orderDays.get(event.customerExternalId) ?? [];
    days.push(event.day);
    orderDays.set(event.customerExternalId, days);
  }
  const profiles: StatusProfile[] = [];
  const changes: HistoryStatusChange[] = [];
  const finals: { externalId: string; status: ColourStatus; stoppedAt: Date | null }[] = [];
  for (const c of customers) {
    const profile = profileOf(c, rng.fork(c.externalId), clock);
    profiles.push(profile);
    const history = historyOf(c, profile, orderDays.get(c.externalId) ?? [], clock);
    changes.push(...history.changes);
    finals.push({ externalId: c.externalId, ...history.final });
  }
  const repository = new DemoStatusRepository(app.get(DataSource));
  await repository.store(workspaceId, profiles, changes, finals);

  const statuses = app.get(CustomerStatusService);
  let overridden = 0;
  for (const override of OVERRIDES) {
    for (const c of customers.filter(override.pick).slice(0, 3)) {
      await statuses.override(workspaceId, c.externalId, override.status, override.reason, team.members.cx);
      overridden += 1;
    }
  }
  progress.note(`${changes.length} colour-status changes for ${customers.length} customers, ${overridden} set by hand`);
}
