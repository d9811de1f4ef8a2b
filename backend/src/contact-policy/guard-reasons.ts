import type { ContactRefusal } from '../common/contact/contact-gate.port';
import type { ContactPolicySettings } from './contact-policy.repository';

const DAY_MS = 86_400_000;

export type GuardCaseRow = { customerExternalId: string; caseId: string; openComplaint: boolean; breachedAt: Date | string | null };
export type GuardCancellationRow = { customerExternalId: string; finishedAt: Date | string };

/** The earliest moment each guard source still counts, or null when the policy leaves it out. */
export function guardWindows(policy: ContactPolicySettings, now: Date): { cancelledSince: Date | null; breachedSince: Date | null } {
  const since = (days: number) => (policy.guardEnabled && days > 0 ? new Date(now.getTime() - days * DAY_MS) : null);
  return { cancelledSince: since(policy.cancellationDays), breachedSince: since(policy.slaBreachDays) };
}

const ORDER: Record<string, number> = { open_complaint: 0, recent_sla_breach: 1, recent_cancellation: 2 };
const plusDays = (at: Date | string, days: number) => new Date(new Date(at).getTime() + days * DAY_MS).toISOString();

/**
 * Per guarded customer, why (open complaints first, then breaches, then the cancellation), from the cases and
 * cancellations the readers returned for the policy's windows. Pure, so the check and the job word it alike.
 */
export function guardReasons(
  policy: ContactPolicySettings,
  cases: GuardCaseRow[],
  cancellations: GuardCancellationRow[],
): Map<string, ContactRefusal[]> {
  const byCustomer = new Map<string, ContactRefusal[]>();
  const add = (customer: string, reason: ContactRefusal) => {
    const list = byCustomer.get(customer) ?? [];
    list.push(reason);
    byCustomer.set(customer, list);
  };
  if (!policy.guardEnabled) return byCustomer;
  for (const c of cases) {
    if (c.openComplaint && policy.guardOpenComplaints) add(c.customerExternalId, { code: 'open_complaint', until: null, caseId: c.caseId });
    if (c.breachedAt && policy.slaBreachDays > 0)
      add(c.customerExternalId, { code: 'recent_sla_breach', until: plusDays(c.breachedAt, policy.slaBreachDays), caseId: c.caseId });
  }
  for (const x of cancellations) {
    if (policy.cancellationDays > 0)
      add(x.customerExternalId, { code: 'recent_cancellation', until: plusDays(x.finishedAt, policy.cancellationDays) });
  }
  for (const list of byCustomer.values()) {
    list.sort((a, b) => ORDER[a.code] - ORDER[b.code] || (a.caseId ?? '').localeCompare(b.caseId ?? ''));
  }
  return byCustomer;
}
