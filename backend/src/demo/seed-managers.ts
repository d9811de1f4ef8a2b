import type { INestApplicationContext } from '@nestjs/common';
import { CustomersService } from '../customers/customers.service';
import type { PlannedCustomer } from './plan';
import { Prng } from './prng';
import type { Progress } from './progress';
import type { DemoTeam } from './seed-team';

type Manager = 'admin' | 'cx' | 'support' | 'delivery' | 'none';

/**
 * Who manages whom. Four account managers with believable portfolios and different luck: the demo admin (so "my
 * numbers first" shows on the managers report), Анна from CX who keeps her clients, Мария from support, and Дмитрий
 * from delivery, whose customers lived through the courier months and left most often. A few customers have nobody.
 * Weights: share of the customers who stayed vs of those who left.
 */
const KEPT: Record<Manager, number> = { admin: 30, cx: 32, support: 20, delivery: 14, none: 4 };
const LEFT: Record<Manager, number> = { admin: 22, cx: 12, support: 26, delivery: 36, none: 4 };
const BATCH = 500;

/** Sets account managers through the customers service (the same validation and status recompute as any bulk update). */
export async function seedManagers(
  app: INestApplicationContext,
  workspaceId: string,
  team: DemoTeam,
  customers: readonly PlannedCustomer[],
  seed: number,
  progress: Progress,
): Promise<void> {
  const service = app.get(CustomersService, { strict: false });
  const prng = new Prng(seed ^ 0x6d616e61);
  const ids: Record<Exclude<Manager, 'none'>, string> = {
    admin: team.adminId,
    cx: team.members.cx,
    support: team.members.support,
    delivery: team.members.delivery,
  };
  const rows = customers.map((c) => {
    const manager = prng.weighted(c.leftDay === null ? KEPT : LEFT);
    return { externalId: c.externalId, accountManagerId: manager === 'none' ? null : ids[manager] };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    const result = await service.bulkUpsert(workspaceId, rows.slice(i, i + BATCH));
    if (result.errors.length > 0) throw new Error(`demo managers: ${JSON.stringify(result.errors.slice(0, 3))}`);
    progress.step('account managers', Math.min(rows.length, i + BATCH), rows.length);
  }
}
