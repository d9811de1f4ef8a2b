import { untrack } from 'svelte';
import { toApiError, type ApiError } from './api/errors';

/**
 * A settings form's plumbing: an editable copy of the saved settings (`values`, loaded again whenever the saved
 * settings change, e.g. after a save), whether it differs from them (`dirty`), and the save with its `pending` flag,
 * its failure (`error`, whose field messages the inputs show) and its confirmation (`message`).
 * Must be created during component initialisation (it watches the saved settings).
 */
export class SettingsForm<V extends Record<string, unknown>> {
  values = $state({} as V);
  pending = $state(false);
  error = $state<ApiError | null>(null);
  message = $state('');
  #loaded = $state.raw({} as V);
  readonly dirty = $derived(Object.keys(this.#loaded).some((key) => this.values[key] !== this.#loaded[key]));
  readonly #save: (values: V) => Promise<string>;

  /**
   * `saved` reads the saved settings (reactively, e.g. from props); `save` sends the edited values and answers the
   * confirmation to show.
   */
  constructor(saved: () => V, save: (values: V) => Promise<string>) {
    this.#save = save;
    this.load(untrack(saved));
    $effect.pre(() => {
      const values = saved();
      untrack(() => this.load(values));
    });
  }

  /** Starts editing from these saved settings (drops unsaved edits). */
  load(values: V): void {
    this.#loaded = values;
    this.values = { ...values };
  }

  /** The form's submit handler. */
  submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    this.pending = true;
    this.error = null;
    this.message = '';
    try {
      this.message = await this.#save($state.snapshot(this.values) as V);
    } catch (e) {
      this.error = toApiError(e);
    } finally {
      this.pending = false;
    }
  };
}
