import type { ApiErrorDetail } from '$lib/api/errors';
import { tick } from 'svelte';
import { toApiError } from '$lib/api/errors';

/**
 * Field-level messages of a failed save, looked up by the server's field paths
 * (`name`, `displayRules.samplePercent`, `questions.1.options.0.label`, …).
 */
export class FieldErrors {
  readonly details: readonly ApiErrorDetail[];

  constructor(error: unknown) {
    this.details = error ? (toApiError(error).details ?? []) : [];
  }

  /** Messages for exactly this field, joined; undefined when there are none. */
  get(field: string): string | undefined {
    const messages = this.details.filter((d) => d.field === field).map((d) => d.message);
    return messages.length ? messages.join(' ') : undefined;
  }

  /** Messages for this field or any field inside it (`allowedOrigins` also matches `allowedOrigins.2`). */
  within(field: string): string | undefined {
    const messages = this.details.filter((d) => d.field === field || d.field.startsWith(`${field}.`)).map((d) => d.message);
    return messages.length ? messages.join(' ') : undefined;
  }

  /** Details for which `shown` is false, e.g. those no input on the page displays. */
  except(shown: (field: string) => boolean): ApiErrorDetail[] {
    return this.details.filter((d) => !shown(d.field));
  }

  /**
   * Messages for `prefix` or fields inside it that no specific input shows: those whose remaining path
   * (e.g. "" or ".scale.min") does not match `handled`.
   */
  leftover(prefix: string, handled: RegExp): string[] {
    return this.details
      .filter((d) => d.field === prefix || d.field.startsWith(`${prefix}.`))
      .filter((d) => !handled.test(d.field.slice(prefix.length)))
      .map((d) => d.message);
  }

  get any(): boolean {
    return this.details.length > 0;
  }
}

export const NO_FIELD_ERRORS = new FieldErrors(null);

/** After a failed save: bring the first invalid field into view and focus it (else the form's alert). */
export async function focusFirstInvalid(form: HTMLFormElement | undefined): Promise<void> {
  await tick();
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
  if (!target) return;
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  if (target.matches('input, select, textarea')) target.focus({ preventScroll: true });
}

/** The alert of a failed save: a short pointer to the fields when each problem is shown at its field. */
export function saveAlert(error: unknown, fieldsMessage: string, unshown: number): unknown {
  if (!error) return null;
  const e = toApiError(error);
  return e.code === 'validation_failed' && e.details?.length && unshown === 0 ? fieldsMessage : error;
}
