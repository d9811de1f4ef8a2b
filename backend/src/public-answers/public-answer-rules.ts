// The public-answer workflow's rules that need no database: who may enter it, which step a mention stands at, and
// the time to public answer. The stage SQL (mention-stage-sql.provider.ts) says the same ladder for the list.
import { HttpStatus } from '@nestjs/common';
import { ApiError, conflict } from '../common/http/api-error';
import type { PublicStage } from '../common/recovery/mention-stage.port';

/** Only negative originals enter: a positive or neutral mention needs no public repair, a copy is answered at its original. */
export function assertInWorkflow(mention: { sentiment: number; duplicateOf: string | null }): void {
  if (mention.sentiment !== -1)
    throw new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'mention_not_negative',
      'Only negative mentions are answered in public through this workflow',
    );
  if (mention.duplicateOf)
    throw new ApiError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'mention_is_copy',
      'This mention is a copy (repost or near-identical): answer its original instead',
    );
}

export const staleRevision = () =>
  conflict('stale_revision', 'Someone changed this mention’s public answer since you read it: reload it and make your change again');

export const answerRequired = () =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'answer_required', 'Answer the mention in public before publishing the findings');

export const findingsRecorded = () =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'findings_recorded', 'Clear the published findings before clearing the answer they follow');

/** The furthest step reached (same ladder as the list's SQL). */
export function stageOf(steps: { answered: boolean; hasCase: boolean; findings: boolean; compensated: boolean }): PublicStage {
  if (steps.hasCase && steps.compensated) return 'compensated';
  if (steps.findings) return 'findings_published';
  if (steps.hasCase) return 'investigating';
  if (steps.answered) return 'answered';
  return 'not_started';
}

/** Minutes from the post to our public answer (never negative), to 0.1. */
export function minutesBetween(postedAt: Date, answeredAt: Date): number {
  return Math.round(Math.max(0, answeredAt.getTime() - postedAt.getTime()) / 6_000) / 10;
}

/** A step's time given by the client: not in the future, not before `notBefore`. */
export function stepTime(
  given: string | undefined,
  field: string,
  notBefore: Date,
  now = new Date(),
): Date | { field: string; message: string } {
  // Left out: now, or the earliest allowed time when the post's clock ran ahead of ours.
  if (!given) return new Date(Math.max(now.getTime(), notBefore.getTime()));
  const at = new Date(given);
  if (at.getTime() > now.getTime() + 60_000) return { field, message: `${field} cannot be in the future` };
  if (at.getTime() < notBefore.getTime()) return { field, message: `${field} cannot be before ${notBefore.toISOString()}` };
  return at;
}
