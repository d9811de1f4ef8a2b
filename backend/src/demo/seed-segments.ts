import type { INestApplicationContext } from '@nestjs/common';
import { SegmentsService } from '../segments/segments.service';
import type { Progress } from './progress';

/**
 * Saved segments a CX team of the story would keep: territory × status × money, the legacy audience field, plans,
 * RFM groups and consent. Cities are the customers' city column, in both spellings the story uses.
 */
const DEMO_SEGMENTS = [
  {
    name: 'Moscow, platinum, MRR ≥ 5,000',
    rules: [
      { field: 'city', op: 'in', value: ['Москва', 'Moscow'] },
      { field: 'colourStatus', op: 'eq', value: 'platinum' },
      { field: 'mrr', op: 'gte', value: 5000 },
    ],
  },
  {
    name: 'Families on the Family plan',
    rules: [
      { field: 'segment', op: 'eq', value: 'families' },
      { field: 'attribute.plan', op: 'eq', value: 'family' },
    ],
  },
  { name: 'Offices (B2B)', rules: [{ field: 'segment', op: 'eq', value: 'offices' }] },
  {
    name: 'At risk, MRR ≥ 6,000',
    rules: [
      { field: 'rfmGroup', op: 'in', value: ['at_risk', 'cant_lose'] },
      { field: 'mrr', op: 'gte', value: 6000 },
    ],
  },
  {
    name: 'Saint Petersburg singles',
    rules: [
      { field: 'city', op: 'in', value: ['Санкт-Петербург', 'Saint Petersburg'] },
      { field: 'segment', op: 'eq', value: 'singles' },
    ],
  },
  {
    name: 'Marketing opt-in, seen in the last 30 days',
    rules: [
      { field: 'consent.marketing', op: 'is', value: true },
      { field: 'lastSeenDays', op: 'lte', value: 30 },
    ],
  },
];

/** Stored through the segments service, so the demo's rules pass the same checks as anyone's. */
export async function seedSegments(app: INestApplicationContext, workspaceId: string, adminId: string, progress: Progress): Promise<void> {
  const segments = app.get(SegmentsService, { strict: false });
  for (const segment of DEMO_SEGMENTS) await segments.create(workspaceId, adminId, segment);
  progress.note(`${DEMO_SEGMENTS.length} saved segments`);
}
