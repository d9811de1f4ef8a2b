import { round1, round2 } from '../../metrics';
import { RED_STATUSES, type RedStatus } from '../../customers/status/colour-status';
import type { RedCustomer, RedEntry } from '../../customers/customer-losses.reader';
import type { LossReason } from './loss-reasons';
import type { RedSpectrumCellDto, RedStatusTotalDto, RedTrendMonthDto } from './red-spectrum.dto';

const share = (part: number, whole: number) => (whole === 0 ? 0 : round1((part * 100) / whole));

/** Counts and money per red status and per status × reason, over customers whose reason is known. */
export function spectrumFigures(customers: readonly RedCustomer[], reasonOf: (externalId: string) => LossReason) {
  const byStatus = new Map<RedStatus, { customers: number; money: number }>(RED_STATUSES.map((s) => [s, { customers: 0, money: 0 }]));
  const byCell = new Map<string, { status: RedStatus; reasonKey: string; customers: number; money: number }>();
  for (const c of customers) {
    const total = byStatus.get(c.status)!;
    total.customers++;
    total.money += c.mrr;
    const reasonKey = reasonOf(c.externalId).key;
    const id = `${c.status}\u0000${reasonKey}`;
    const cell = byCell.get(id) ?? { status: c.status, reasonKey, customers: 0, money: 0 };
    cell.customers++;
    cell.money += c.mrr;
    byCell.set(id, cell);
  }
  const all = customers.length;
  const statuses: RedStatusTotalDto[] = RED_STATUSES.map((status) => {
    const t = byStatus.get(status)!;
    return { status, customers: t.customers, shareOfRed: all === 0 ? null : share(t.customers, all), moneyLost: round2(t.money) };
  });
  const cells: RedSpectrumCellDto[] = [...byCell.values()].map((c) => ({
    status: c.status,
    reasonKey: c.reasonKey,
    customers: c.customers,
    shareOfStatus: share(c.customers, byStatus.get(c.status)!.customers),
    shareOfRed: share(c.customers, all),
    moneyLost: round2(c.money),
  }));
  return { customers: all, moneyLost: round2(customers.reduce((sum, c) => sum + c.mrr, 0)), statuses, cells };
}

/** Moves into red statuses per month (every month of `months`, empty ones too) by status and the mover's reason. */
export function trendFigures(entries: readonly RedEntry[], months: readonly string[], reasonOf: (externalId: string) => LossReason) {
  const byMonth = new Map<string, Map<string, { status: RedStatus; reasonKey: string; customers: number }>>(
    months.map((m) => [m, new Map()]),
  );
  for (const e of entries) {
    const cells = byMonth.get(e.month);
    if (!cells) continue;
    const reasonKey = reasonOf(e.externalId).key;
    const id = `${e.status}\u0000${reasonKey}`;
    const cell = cells.get(id) ?? { status: e.status, reasonKey, customers: 0 };
    cell.customers++;
    cells.set(id, cell);
  }
  return months.map((month): RedTrendMonthDto => ({ month, cells: [...byMonth.get(month)!.values()] }));
}
