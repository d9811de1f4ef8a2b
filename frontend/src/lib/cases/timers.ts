import type { Case } from './types';

/** The two SLA clocks of a case. */
export type TimerKind = 'firstResponse' | 'resolution';

/**
 * Where one SLA clock stands at a moment:
 * - none: the policy sets no target;
 * - running: counting down (warning once past the policy's warn share, 80% by default);
 * - overdue: past the deadline and still not met;
 * - paused: waiting on the customer; the clock is stopped (`remainingMs` is what was left when it stopped, null
 *   when the server cannot know the deadline yet, negative when it was already overdue);
 * - met: done (first reply logged / case resolved), on time or late;
 * - stopped: the case was closed without this clock being met (e.g. closed with no reply logged).
 */
export type TimerState =
	| { kind: 'none' }
	| { kind: 'running'; due: Date; remainingMs: number; warning: boolean }
	| { kind: 'overdue'; due: Date; overdueMs: number }
	| { kind: 'paused'; due: Date | null; remainingMs: number | null }
	| { kind: 'met'; at: Date; due: Date | null; late: boolean }
	| { kind: 'stopped' };

type TimerFields = Pick<
	Case,
	'status' | 'pauses' | 'firstResponseDue' | 'firstResponseWarnAt' | 'firstRespondedAt' | 'resolutionDue' | 'resolutionWarnAt' | 'resolvedAt'
>;

const date = (value: string | null): Date | null => (value ? new Date(value) : null);

/** When the current wait on the customer began (the open pause), if the case is waiting. */
function pausedSince(c: TimerFields): Date | null {
	const open = c.pauses.find((p) => p.to === null);
	return open ? new Date(open.from) : null;
}

/** The state of one clock of a case at `now` (ms since epoch). */
export function timerState(c: TimerFields, kind: TimerKind, now: number): TimerState {
	const due = date(kind === 'firstResponse' ? c.firstResponseDue : c.resolutionDue);
	const warnAt = date(kind === 'firstResponse' ? c.firstResponseWarnAt : c.resolutionWarnAt);
	const metAt = date(kind === 'firstResponse' ? c.firstRespondedAt : c.resolvedAt);
	if (metAt) return { kind: 'met', at: metAt, due, late: due !== null && metAt.getTime() > due.getTime() };
	if (c.status === 'closed' || c.status === 'resolved') return { kind: 'stopped' };
	if (c.status === 'waiting_customer') {
		const since = pausedSince(c) ?? new Date(now);
		return { kind: 'paused', due, remainingMs: due ? due.getTime() - since.getTime() : null };
	}
	if (!due) return { kind: 'none' };
	const remainingMs = due.getTime() - now;
	if (remainingMs < 0) return { kind: 'overdue', due, overdueMs: -remainingMs };
	return { kind: 'running', due, remainingMs, warning: warnAt !== null && now >= warnAt.getTime() };
}

/** Whether any clock of the case is past its deadline right now (the row turns red). */
export function isOverdue(c: TimerFields, now: number): boolean {
	return (['firstResponse', 'resolution'] as const).some((k) => {
		const s = timerState(c, k, now);
		return s.kind === 'overdue' || (s.kind === 'paused' && s.remainingMs !== null && s.remainingMs < 0);
	});
}

export interface DurationUnits {
	d: string;
	h: string;
	m: string;
	s: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A duration as a countdown reads: "2d 4h", "3h 07m", "12m 05s". Seconds show only under an hour, where they
 * matter; whole units are floored so a countdown never shows more time than is left.
 */
export function formatDuration(ms: number, units: DurationUnits): string {
	const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
	const days = Math.floor(total / 86_400);
	const hours = Math.floor((total % 86_400) / 3600);
	const minutes = Math.floor((total % 3600) / 60);
	const seconds = total % 60;
	// No-break spaces: a wrapped timer breaks before the duration, never inside it.
	if (days > 0) return `${days}${units.d}\u00a0${hours}${units.h}`;
	if (hours > 0) return `${hours}${units.h}\u00a0${pad(minutes)}${units.m}`;
	return `${minutes}${units.m}\u00a0${pad(seconds)}${units.s}`;
}
