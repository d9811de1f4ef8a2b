// SLA business-hours clock: deadlines per second for 10,000 tickets with targets of up to 20 business days,
// spread over a year in several zones (with holidays, split days and pauses), first with cold caches, then
// warm, then with a fresh calendar object per ticket (parsed from JSON, as when each request loads its policy).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'backend', 'package.json'));
const clock = join(root, 'backend', 'dist', 'backend', 'src', 'sla', 'clock');
const N = Number(process.env.BENCH_SLA_DEADLINES ?? 10_000);

export default async function run() {
  const { addBusinessTime, businessMinutesBetween, defaultBusinessCalendar, withRussianProductionCalendar } = require(
    join(clock, 'index.js'),
  );
  const lunch = [
    { start: '09:00', end: '13:00' },
    { start: '14:00', end: '18:00' },
  ];
  const make = () => [
    withRussianProductionCalendar(defaultBusinessCalendar('Europe/Moscow'), 2026, {
      daysOff: ['2026-01-09', '2026-12-31'],
      shortDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
    }),
    defaultBusinessCalendar('Europe/Berlin'),
    { ...defaultBusinessCalendar('America/New_York'), holidays: ['2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'] },
    {
      timeZone: 'Asia/Kolkata',
      workingHours: { 1: lunch, 2: lunch, 3: lunch, 4: lunch, 5: lunch, 6: [{ start: '10:00', end: '14:00' }] },
      holidays: ['2026-01-26', '2026-08-15', '2026-10-02'],
    },
  ];
  let seed = 42;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const jobs = Array.from({ length: N }, () => {
    const start = Date.UTC(2026, 0, 1) + Math.floor(rnd() * 365 * 86_400_000);
    const pauses =
      rnd() < 0.3
        ? [{ from: new Date(start + 3_600_000), to: new Date(start + 3_600_000 + Math.floor(rnd() * 2 * 86_400_000)) }]
        : undefined;
    return { start: new Date(start), minutes: 1 + Math.floor(rnd() * 20 * 540), cal: Math.floor(rnd() * 4), pauses };
  });
  const pass = (calendars) => {
    const t0 = performance.now();
    let check = 0;
    for (const j of jobs) {
      const cals = typeof calendars === 'function' ? calendars() : calendars;
      check += addBusinessTime(j.start, j.minutes, cals[j.cal], j.pauses).getTime() % 7;
    }
    return { ms: performance.now() - t0, check };
  };
  const shared = make();
  const cold = pass(shared);
  const warm = pass(shared);
  const stored = JSON.stringify(shared);
  const fresh = pass(() => JSON.parse(stored));
  // The inverse, for elapsed-time reports: minutes from each start to its deadline must equal the target.
  const t0 = performance.now();
  let mismatches = 0;
  for (const j of jobs) {
    const due = addBusinessTime(j.start, j.minutes, shared[j.cal], j.pauses);
    if (businessMinutesBetween(j.start, due, shared[j.cal], j.pauses) !== j.minutes) mismatches++;
  }
  const roundTripMs = performance.now() - t0;
  const perS = (ms) => Math.round((N / ms) * 1000);
  console.log(
    JSON.stringify({
      bench: 'sla-clock',
      deadlines: N,
      max_business_days: 20,
      deadlines_per_s: perS(cold.ms),
      cold_ms: Math.round(cold.ms),
      warm_deadlines_per_s: perS(warm.ms),
      fresh_calendar_deadlines_per_s: perS(fresh.ms),
      round_trips_per_s: perS(roundTripMs),
      round_trip_mismatches: mismatches,
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
