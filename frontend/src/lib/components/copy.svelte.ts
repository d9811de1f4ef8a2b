import { copyText } from '$lib/clipboard';

export type CopyOutcome = 'idle' | 'copied' | 'failed';

/** How long "Copied" (or "Could not copy") stays on screen. */
const FEEDBACK_MS = 4000;

/** The copy buttons' shared logic: copy, tell how it went, then fall quiet again. */
export class CopyFeedback {
  outcome = $state<CopyOutcome>('idle');
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Copies `text`; `fallback` may try another way when the Clipboard API is unavailable, and `onFail` readies the
   * text for copying by hand (e.g. selects it).
   */
  async copy(text: string, options: { fallback?: () => boolean; onFail?: () => void } = {}): Promise<void> {
    const ok = (await copyText(text)) || (options.fallback?.() ?? false);
    this.outcome = ok ? 'copied' : 'failed';
    if (!ok) options.onFail?.();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.outcome = 'idle'), FEEDBACK_MS);
  }
}
