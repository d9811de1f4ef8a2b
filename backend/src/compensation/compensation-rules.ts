import type { Role } from '../common/auth/roles';

export const BUDGET_PERIODS = ['month', 'quarter', 'year'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];
export const BUDGET_SCOPES = ['role', 'member'] as const;
export type BudgetScope = (typeof BUDGET_SCOPES)[number];

/** Roles that may grant compensation (viewers only read). */
export const GRANTING_ROLES: readonly Role[] = ['admin', 'analyst', 'owner'];

/** Days after a grant in which the report watches the customer (kept, revenue saved). */
export const OUTCOME_DAYS = 90;

/** A budget period as UTC dates: [start, end). */
export interface PeriodRange {
  start: string;
  end: string;
}

const iso = (year: number, month: number) => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);

/** The calendar month, quarter or year (UTC) that contains `at`. */
export function periodContaining(period: BudgetPeriod, at: Date): PeriodRange {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  if (period === 'year') return { start: iso(year, 0), end: iso(year + 1, 0) };
  const first = period === 'quarter' ? month - (month % 3) : month;
  const length = period === 'quarter' ? 3 : 1;
  return { start: iso(year, first), end: iso(year, first + length) };
}

/** Decimal strings ("12.30") as whole cents, so sums and comparisons are exact. */
export function toCents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount: ${amount}`);
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** An approval by the granter themselves: allowed only to a workspace's single admin, and shown as such. */
export const isSelfApproved = (g: { status: string; grantedBy: string | null; decidedBy: string | null }): boolean =>
  g.status === 'approved' && g.decidedBy !== null && g.decidedBy === g.grantedBy;
