// Pure rules for customer moments: names, how long one waits, and the checks on a reported expiry.
import type { FieldError } from '../../common/http/api-error';

/** A moment's name, which a survey's `event` trigger names too: lower-case letters, digits, _ . - */
export const MOMENT_NAME = /^[a-z0-9_.-]{1,64}$/;

/** The moments billing systems usually report; any other name matching MOMENT_NAME works the same way. */
export const WELL_KNOWN_MOMENTS = ['trial_ending', 'renewal_due', 'payment_failed'] as const;

/** How long a moment waits for the customer's next visit when the caller does not say. */
export const DEFAULT_TTL_DAYS = 7;
/** The longest wait a caller may ask for: a moment is about now, not a schedule. */
export const MAX_TTL_DAYS = 90;

const DAY_MS = 86_400_000;

/** The expiry to store: the one given (checked), else DEFAULT_TTL_DAYS from now. */
export function resolveExpiry(expiresAt: string | undefined, now: Date): { expiresAt: Date } | { problem: FieldError } {
  if (expiresAt === undefined) return { expiresAt: new Date(now.getTime() + DEFAULT_TTL_DAYS * DAY_MS) };
  const at = new Date(expiresAt);
  if (at.getTime() <= now.getTime()) return { problem: { field: 'expiresAt', message: 'expiresAt must be in the future' } };
  if (at.getTime() > now.getTime() + MAX_TTL_DAYS * DAY_MS) {
    return { problem: { field: 'expiresAt', message: `expiresAt must be within ${MAX_TTL_DAYS} days` } };
  }
  return { expiresAt: at };
}
