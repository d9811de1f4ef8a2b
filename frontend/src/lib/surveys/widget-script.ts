import type { SurveyKind } from '$lib/api/types';

/*
 * Loads the real survey widget (/widget/<kind>.js, served by the backend from survey-widgets/dist) for the
 * builder's live preview. Same origin, so the dashboard's CSP (script-src 'self') allows it.
 */

/** How long to wait for the element to be defined after the script has loaded. */
const DEFINE_TIMEOUT_MS = 5000;

const loading = new Map<SurveyKind, Promise<boolean>>();

export const widgetTag = (kind: SurveyKind) => `otklik-survey-${kind}`;

function load(kind: SurveyKind): Promise<boolean> {
  const tag = widgetTag(kind);
  if (customElements.get(tag)) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const script = document.createElement('script');
    script.src = `/widget/${kind}.js`;
    script.async = true;
    script.dataset.otklikPreview = kind;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      if (!ok) script.remove();
      resolve(ok);
    };
    script.onerror = () => finish(false);
    script.onload = () => {
      // A script that loads but defines nothing (an old or broken build) counts as a failure.
      timer = setTimeout(() => finish(false), DEFINE_TIMEOUT_MS);
      void customElements.whenDefined(tag).then(() => finish(true));
    };
    document.head.appendChild(script);
  });
}

/**
 * Resolves true once <otklik-survey-<kind>> is defined, false if the script is missing or broken.
 * A failed load is forgotten, so calling again retries.
 */
export function loadWidget(kind: SurveyKind): Promise<boolean> {
  let pending = loading.get(kind);
  if (!pending) {
    pending = load(kind).then((ok) => {
      if (!ok) loading.delete(kind);
      return ok;
    });
    loading.set(kind, pending);
  }
  return pending;
}
