import { focusFirstInvalid } from './field-errors';

/**
 * A form's save: `pending` while it runs; a failure is kept in `error` (for FieldErrors and saveAlert) and brings
 * the first invalid field into view.
 */
export class FormSave {
  pending = $state(false);
  error = $state<unknown>(null);

  async run(form: HTMLFormElement | undefined, save: () => Promise<void>): Promise<void> {
    this.pending = true;
    this.error = null;
    try {
      await save();
    } catch (e) {
      this.error = e;
      await focusFirstInvalid(form);
    } finally {
      this.pending = false;
    }
  }
}
