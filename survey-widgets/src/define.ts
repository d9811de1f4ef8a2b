import Survey from './Survey.svelte';

/** Registers the survey element as <otklik-survey-{kind}> (once, even if the bundle is loaded twice). */
export function define(kind: 'nps' | 'csat' | 'ces' | 'custom'): void {
  const tag = `otklik-survey-${kind}`;
  const element = (Survey as unknown as { element: CustomElementConstructor }).element;
  if (!customElements.get(tag)) customElements.define(tag, element);
}
