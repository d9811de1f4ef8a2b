import type { Member } from '$lib/api/types';
import { i18n } from '$lib/i18n/index.svelte';
import type { ChurnReason, Touchpoint } from './types';

const pick = (table: Record<string, string>, key: string) => table[key] ?? key;

// Unknown values from a newer server show as they are.
export const priorityLabel = (p: string): string => pick(i18n.t.cases.priorities, p);
export const statusLabel = (s: string): string => pick(i18n.t.cases.statuses, s);
export const sourceLabel = (s: string): string => pick(i18n.t.cases.sources, s);
export const channelLabel = (c: string): string => pick(i18n.t.cases.channels, c);
export const priorityReasonLabel = (r: string): string => pick(i18n.t.cases.priorityReasons, r);

/** A member's name; "Unassigned" for no one, "Former member" for someone who has left the workspace. */
export function personName(userId: string | null, members: readonly Member[]): string {
	if (!userId) return i18n.t.cases.unassigned;
	return members.find((m) => m.userId === userId)?.name ?? i18n.t.cases.formerMember;
}

export function touchpointName(id: string | null, touchpoints: readonly Touchpoint[]): string | null {
	if (!id) return null;
	return touchpoints.find((tp) => tp.id === id)?.name ?? null;
}

/** A churn reason's label in the UI language, else English, else its key. */
export function churnReasonLabel(key: string, reasons: readonly ChurnReason[]): string {
	const reason = reasons.find((r) => r.key === key);
	if (!reason) return key;
	return reason.labels[i18n.current] ?? reason.labels.en ?? Object.values(reason.labels)[0] ?? key;
}
