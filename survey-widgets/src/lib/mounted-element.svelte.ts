import { mount, unmount, type Component } from 'svelte';

/** The element class a widget component receives as its `host` prop. */
export interface MountedElement<Config, Context> extends HTMLElement {
  config: Config | undefined;
  context: Context | undefined;
}

/**
 * A plain custom element that mounts `component` into its own shadow root (much smaller than Svelte's
 * `customElement` wrapper). `config` and `context` are reactive properties: the dashboard's live preview
 * hands the element a new config while the author types.
 */
export function mountedElement<Config, Context>(component: Component<{ host: MountedElement<Config, Context> }>) {
  return class extends HTMLElement implements MountedElement<Config, Context> {
    config: Config | undefined = $state.raw();
    context: Context | undefined = $state.raw();
    #app: Record<string, unknown> | undefined;

    connectedCallback() {
      // Properties set before the element was defined are own properties hiding the reactive ones: move them over.
      for (const key of ['config', 'context'] as const)
        if (Object.hasOwn(this, key)) {
          const value = this[key];
          delete this[key];
          this[key] = value as never;
        }
      this.#app ||= mount(component, { target: this.shadowRoot || this.attachShadow({ mode: 'open' }), props: { host: this } });
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
  };
}
