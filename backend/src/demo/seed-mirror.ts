import type { INestApplicationContext } from '@nestjs/common';
import { MirrorReportService } from '../mirror/mirror-report.service';
import { MirrorService } from '../mirror/mirror.service';
import { addMonths } from '../metrics';
import { periodStartOf } from '../mirror/mirror-period';
import { staffAnswerRules } from '../mirror/mirror-questions';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoSurvey } from './seed-surveys';
import type { DemoTeam, TeamRole } from './seed-team';
import type { StoryClock } from './story';

type Staff = TeamRole | 'admin';

/**
 * How each touchpoint's people see it (created in this order; the list shows the newest first, so delivery leads). Delivery is the blind spot: the couriers' team rates it 4–5 every month
 * while customers, through the courier months, say otherwise. Product quality staff read customers well (a small
 * optimism), and support is a little harder on itself than customers are.
 */
const MIRRORS: {
  survey: 'csat' | 'nps' | 'ces';
  touchpoint: string;
  name: string;
  extra: Staff[];
  /** A staff score from the customers' mean of that month. */
  score: (customerMean: number | null, rng: Prng) => number;
}[] = [
  {
    survey: 'nps',
    touchpoint: 'box',
    name: 'Зеркало: качество продуктов (NPS)',
    extra: ['admin', 'support', 'smm'],
    score: (mean, rng) => Math.round((mean ?? 8) + 0.3 + (rng.next() - 0.5) * 3),
  },
  {
    survey: 'ces',
    touchpoint: 'support',
    name: 'Зеркало: служба поддержки (CES)',
    extra: ['admin', 'delivery', 'product'],
    score: (mean, rng) => Math.round((mean ?? 5) - 0.3 + (rng.next() - 0.5) * 1.6),
  },
  {
    survey: 'csat',
    touchpoint: 'courier',
    name: 'Зеркало: доставка курьером',
    extra: ['cx', 'product', 'smm', 'admin'],
    score: (_mean, rng) => Number(rng.weighted({ 5: 48, 4: 46, 3: 6 })),
  },
];

const MONTHS = 6;

/**
 * Three mirrors of the demo's customer surveys, created through the mirror service, with six months of staff
 * answers (4–7 people per touchpoint, most answering each month; this month only some so far, the demo admin not yet).
 * Past months are closed for answers, so they go in through the service's history path (checked by the survey's
 * answer rules, without the open-period window).
 */
export async function seedMirror(
  app: INestApplicationContext,
  workspaceId: string,
  team: DemoTeam,
  surveys: Record<'nps' | 'csat' | 'ces', DemoSurvey>,
  seed: number,
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const service = app.get(MirrorService, { strict: false });
  const reports = app.get(MirrorReportService, { strict: false });
  const rng = new Prng(seed ^ 0x6d697272);
  const people: Record<Staff, string> = { ...team.members, admin: team.adminId };
  const current = periodStartOf('month', clock.now, await service.timeZone(workspaceId));
  const firstMonth = addMonths(current.slice(0, 7), -(MONTHS - 1));
  let stored = 0;
  for (const spec of MIRRORS) {
    const survey = surveys[spec.survey];
    const touchpoint = team.touchpoints[spec.touchpoint];
    const mirror = await service.create(workspaceId, 'admin', team.adminId, {
      surveyId: survey.id,
      name: spec.name,
      touchpoints: [{ id: touchpoint.id, extraStaffIds: spec.extra.map((who) => people[who]) }],
    });
    const staff = mirror.touchpoints[0].staff.map((p) => p.id);
    const customers = await reports.build(workspaceId, mirror.id, { from: firstMonth, to: current.slice(0, 7) });
    const row = customers.rows[0];
    const rules = staffAnswerRules(survey.questions);
    const [question] = rules;
    for (const point of row.trend) {
      const isCurrent = point.periodStart === current;
      // Past months: 4 or more of the staff answered. This month: a few so far, never the demo admin (their form waits).
      const pool = isCurrent ? staff.filter((id) => id !== team.adminId) : staff;
      const count = isCurrent ? rng.int(2, Math.max(2, pool.length - 2)) : rng.int(Math.min(4, pool.length), pool.length);
      const answering = [...pool].sort(() => rng.next() - 0.5).slice(0, count);
      for (const userId of answering) {
        const value = Math.min(
          question.type === 'nps' ? 10 : (question.scale?.max ?? 5),
          Math.max(question.type === 'nps' ? 0 : 1, spec.score(point.customers.mean, rng)),
        );
        await service.recordHistory(workspaceId, {
          mirrorId: mirror.id,
          touchpointId: touchpoint.id,
          userId,
          periodStart: point.periodStart,
          answers: { [question.id]: value },
        });
        stored += 1;
      }
    }
  }
  progress.note(`${MIRRORS.length} mirror surveys with ${stored} staff answer sets`);
}
