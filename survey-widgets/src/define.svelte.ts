import { mount, unmount } from 'svelte';
import type { PublicSurveyConfig } from '../../backend/src/surveys/survey-definition';
import type { WidgetContext } from './lib/context';
import Survey from './Survey.svelte';

/**
 * The survey element: a plain custom element that mounts Survey.svelte into its own shadow root (much smaller
 * than Svelte's `customElement` wrapper). `config` and `context` are reactive properties: the dashboard's live
 * preview hands the element a new config while the author types.
 */
export class SurveyElement extends HTMLElement {
  config: PublicSurveyConfig | undefined = $state.raw();
  context: WidgetContext | undefined = $state.raw();
  #app: Record<string, unknown> | undefined;

  connectedCallback() {
    // Properties set before the element was defined are own properties hiding the reactive ones: move them over.
    for (const key of ['config', 'context'] as const)
      if (Object.hasOwn(this, key)) {
        const value = this[key];
        delete this[key];
        this[key] = value as never;
      }
    this.#app ||= mount(Survey, { target: this.shadowRoot || this.attachShadow({ mode: 'open' }), props: { host: this } });
  }

  disconnectedCallback() {
    // Moved within the page: it stays. Removed: torn down (appending it again starts afresh).
    queueMicrotask(() => {
      if (this.#app && !this.isConnected) {
        void unmount(this.#app);
        this.#app = undefined;
      }
    });
  }
}

/** Registers the survey element as <otklik-survey-{kind}> (once, even if the bundle is loaded twice). */
export function define(kind: 'nps' | 'csat' | 'ces' | 'custom'): void {
  const tag = `otklik-survey-${kind}`;
  if (!customElements.get(tag)) customElements.define(tag, SurveyElement);
}
