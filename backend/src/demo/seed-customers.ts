import type { INestApplicationContext } from '@nestjs/common';
import type { BulkCustomerDto } from '../customers/customers.dto';
import { CustomersService } from '../customers/customers.service';
import type { DemoHistoryRepository } from './demo-history.repository';
import { mrrOn, PLANS, type PlannedCustomer } from './plan';
import { STORY_DAYS, type StoryClock } from './story';
import type { Progress } from './progress';

const CHUNK = 500;

/**
 * The customer base: every row checked by the customer rules of the bulk API and the import (validateRow), then
 * stored in batches (the bulk upsert's one statement per row took most of the seeding time).
 */
export async function seedCustomers(
  app: INestApplicationContext,
  workspaceId: string,
  customers: PlannedCustomer[],
  clock: StoryClock,
  history: DemoHistoryRepository,
  progress: Progress,
): Promise<void> {
  const service = app.get(CustomersService);
  const now = STORY_DAYS;
  for (let i = 0; i < customers.length; i += CHUNK) {
    const rows = customers.slice(i, i + CHUNK).map((c) => {
      const firstSeen = clock.at(c.firstSeenDay).toISOString();
      const stage = c.leftDay !== null ? 'left' : c.trial ? 'considering' : now - c.firstSeenDay < 30 ? 'buying' : 'repeat';
      const weeks = Math.max(0, ((c.leftDay ?? c.quietFromDay ?? now) - Math.max(c.firstSeenDay, -500)) / 7);
      return {
        externalId: c.externalId,
        name: c.name,
        email: c.email,
        ...(c.phone ? { phone: c.phone } : {}),
        segment: c.segment,
        lifecycleStage: stage,
        mrr: c.trial ? 0 : mrrOn(c, c.leftDay ?? now),
        orderCount: c.trial ? 1 : Math.max(1, Math.round(weeks * 0.8)),
        attributes: { plan: c.plan, planName: PLANS[c.plan].label, city: c.city, language: c.language },
        consents: {
          survey: { granted: c.surveyConsent, at: firstSeen, source: 'signup form' },
          marketing: { granted: c.marketingConsent, at: firstSeen, source: 'signup form' },
        },
        firstSeenAt: firstSeen,
        lastSeenAt: clock.at(c.lastSeenDay).toISOString(),
      };
    });
    const valid: (BulkCustomerDto & { createdAt: Date })[] = [];
    for (const raw of rows) {
      const checked = await service.validateRow(raw);
      if (!checked.row) throw new Error(`demo customer ${raw.externalId} rejected: ${JSON.stringify(checked.errors)}`);
      valid.push({ ...checked.row, createdAt: new Date(raw.firstSeenAt) });
    }
    await history.insertCustomers(workspaceId, valid);
    progress.step('customers', Math.min(customers.length, i + CHUNK), customers.length);
  }
}
