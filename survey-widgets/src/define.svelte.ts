import type { PublicSurveyConfig } from '@otklik/survey-model';
import type { WidgetContext } from './lib/context';
import { mountedElement, type MountedElement } from './lib/mounted-element.svelte';
import Survey from './Survey.svelte';

export type SurveyElement = MountedElement<PublicSurveyConfig, WidgetContext>;

/** The survey element: Survey.svelte in a shadow root, with reactive `config` and `context`. */
export const SurveyElement = mountedElement<PublicSurveyConfig, WidgetContext>(Survey);

/** Registers the survey element as <otklik-survey-{kind}> (once, even if the bundle is loaded twice). */
export function define(kind: 'nps' | 'csat' | 'ces' | 'custom'): void {
  const tag = `otklik-survey-${kind}`;
  if (!customElements.get(tag)) customElements.define(tag, SurveyElement);
}
