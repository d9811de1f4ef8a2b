/**
 * The demo story: a fictional meal-kit subscription ("Uzhinbox": boxes of ingredients with recipes, delivered
 * weekly) over the last 12 months, told in Russian, English and Bulgarian. Every volume lives here, so tests seed
 * the same story at a smaller size.
 *
 * Months are counted 1–12 from 365 days before "now" (month 12 ends now), so the story always looks current:
 * - month 6: a price rise; "too expensive" cancellations and comments spike in months 6–7 and stay a little higher;
 * - months 8–10: a courier partner misses delivery windows (fixed in the middle of month 10): late-delivery
 *   comments, detractors and a spike of negative mentions;
 * - the last ~3 weeks: an app release crashes at checkout (still open, so its cluster is growing);
 * - steady themes all year: portion size, freshness, recipe variety, packaging waste, missing ingredients,
 *   support friendliness, easy skip/pause, and praise.
 */
export interface DemoStory {
  seed: number;
  customers: number;
  /** Survey responses in total, split over the NPS, CSAT and CES surveys. */
  responses: number;
  /** Widget displays per response (for the response rate). */
  displaysPerResponse: number;
  cancellations: number;
  mentions: number;
  /** Cases opened from the story's own feedback, in every state. */
  cases: number;
  /** Build the complaint clusters at the end (the engine takes a few seconds for the full story). */
  clusters: boolean;
}

export const DEFAULT_STORY: DemoStory = {
  seed: 20_261_207,
  customers: 2000,
  responses: 15_000,
  displaysPerResponse: 2.3,
  cancellations: 600,
  mentions: 2200,
  cases: 60,
  clusters: true,
};

export const DAY_MS = 24 * 3600 * 1000;
export const STORY_DAYS = 365;
const MONTH_DAYS = STORY_DAYS / 12;

export const PRICE_RISE_MONTH = 6;
export const COURIER_FROM_MONTH = 8;
/** The courier problem is fixed halfway through month 10. */
export const COURIER_FIXED_DAY = Math.round(9.5 * MONTH_DAYS);
/** The checkout crash started this many days before now. */
export const APP_CRASH_DAYS_AGO = 20;

/** Timeline helpers for one seeding run: day 0 is 365 days before `now`. */
export class StoryClock {
  readonly start: number;

  constructor(readonly now: Date) {
    this.start = now.getTime() - STORY_DAYS * DAY_MS;
  }

  /** The instant `day` days (fractional) after the story's start. */
  at(day: number): Date {
    return new Date(Math.min(this.start + day * DAY_MS, this.now.getTime() - 60_000));
  }

  dayOf(date: Date): number {
    return (date.getTime() - this.start) / DAY_MS;
  }

  /** Story month 1–12 of an instant. */
  monthOf(date: Date): number {
    return Math.min(12, Math.max(1, 1 + Math.floor(this.dayOf(date) / MONTH_DAYS)));
  }

  monthOfDay(day: number): number {
    return Math.min(12, Math.max(1, 1 + Math.floor(day / MONTH_DAYS)));
  }
}

/** Monthly activity grows as the business grows (about 2× over the year). */
export const growth = (day: number): number => 0.65 + 0.75 * (day / STORY_DAYS);

/** How strongly the courier problem shows on a day: ramps up in month 8, peaks in month 9, gone after the fix. */
export function courierIntensity(day: number): number {
  const from = (COURIER_FROM_MONTH - 1) * MONTH_DAYS;
  if (day < from || day >= COURIER_FIXED_DAY + 4) return 0;
  if (day >= COURIER_FIXED_DAY) return 0.15; // the last complaints trickle in
  const into = day - from;
  return into < 12 ? 0.35 + (into / 12) * 0.65 : 1;
}

/** The price rise: a jolt in months 6–7, then a slightly higher level than before. */
export function priceIntensity(day: number): number {
  const from = (PRICE_RISE_MONTH - 1) * MONTH_DAYS;
  if (day < from) return 0;
  if (day < from + 2 * MONTH_DAYS) return 1;
  return 0.35;
}

export function appCrashIntensity(day: number): number {
  const from = STORY_DAYS - APP_CRASH_DAYS_AGO;
  if (day < from) return 0;
  return Math.min(1, 0.4 + (day - from) / 8);
}
