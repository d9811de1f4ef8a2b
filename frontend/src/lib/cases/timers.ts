import type { Case } from './types';

/** The two SLA clocks of a case. */
export type TimerKind = 'firstResponse' | 'resolution';

/**
 * Where one SLA clock stands at a moment:
 * - none: the policy sets no target;
 * - running: counting down (warning once past the policy's warn share, 80% by default);
 * - overdue: past the deadline and still not met;
 * - paused: waiting on the customer; the clock is stopped (`remainingMs` is what was left when it stopped, in SLA
 *   time when only the server's stamp on the pause says it; null when unknown; negative when already overdue);
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
  | 'status'
  | 'pauses'
  | 'firstResponseDue'
  | 'firstResponseWarnAt'
  | 'firstRespondedAt'
  | 'resolutionDue'
  | 'resolutionWarnAt'
  | 'resolvedAt'
>;

const date = (value: string | null): Date | null => (value ? new Date(value) : null);

/** The current wait on the customer (the open pause), if the case is waiting. */
const openPause = (c: TimerFields) => c.pauses.find((p) => p.to === null);

/**
 * What a paused clock had left: from its deadline when the server knows one, else from the SLA minutes the server
 * stamped on the open pause when the wait began.
 */
function pausedRemainingMs(c: TimerFields, kind: TimerKind, due: Date | null, now: number): number | null {
  const pause = openPause(c);
  if (due) return due.getTime() - (pause ? Date.parse(pause.from) : now);
  const minutes = kind === 'firstResponse' ? pause?.firstResponseMinutesLeft : pause?.resolutionMinutesLeft;
  return minutes === undefined || minutes === null ? null : minutes * 60_000;
}

/** The state of one clock of a case at `now` (ms since epoch). */
export function timerState(c: TimerFields, kind: TimerKind, now: number): TimerState {
  const due = date(kind === 'firstResponse' ? c.firstResponseDue : c.resolutionDue);
  const warnAt = date(kind === 'firstResponse' ? c.firstResponseWarnAt : c.resolutionWarnAt);
  const metAt = date(kind === 'firstResponse' ? c.firstRespondedAt : c.resolvedAt);
  if (metAt) return { kind: 'met', at: metAt, due, late: due !== null && metAt.getTime() > due.getTime() };
  if (c.status === 'closed' || c.status === 'resolved') return { kind: 'stopped' };
  if (c.status === 'waiting_customer') {
    return { kind: 'paused', due, remainingMs: pausedRemainingMs(c, kind, due, now) };
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
