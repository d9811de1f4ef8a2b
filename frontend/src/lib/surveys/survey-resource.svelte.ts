import { Latest } from '$lib/latest';
import { getContext, setContext, untrack } from 'svelte';
import { api, unwrap } from '$lib/api/client';
import type { ApiError } from '$lib/api/errors';
import { toApiError } from '$lib/api/errors';
import type { Survey } from '$lib/api/types';
import { session } from '$lib/session.svelte';

/**
 * One survey of the current workspace, loaded by id and shared by the pages under /surveys/[id]
 * (the builder and the results). Pages replace it with what a PATCH returns.
 * Must be created during component initialisation.
 */
export class SurveyResource {
  survey = $state<Survey | undefined>(undefined);
  error = $state<ApiError | null>(null);
  loading = $state(false);
  readonly #latest = new Latest();

  constructor(id: () => string) {
    $effect(() => {
      const workspaceId = session.workspaceId;
      const surveyId = id();
      untrack(() => {
        if (workspaceId && surveyId) void this.#load(workspaceId, surveyId);
      });
    });
  }

  get id(): string | undefined {
    return this.survey?.id;
  }

  /** Loads it again (e.g. after an error). */
  reload(): Promise<void> {
    const workspaceId = session.workspaceId;
    const surveyId = this.survey?.id ?? this.#lastId;
    return workspaceId && surveyId ? this.#load(workspaceId, surveyId) : Promise.resolve();
  }

  /** Takes the survey a save returned. */
  replace(survey: Survey): void {
    this.survey = survey;
    this.error = null;
  }

  #lastId: string | null = null;

  async #load(workspaceId: string, surveyId: string): Promise<void> {
    const isLatest = this.#latest.next();
    this.#lastId = surveyId;
    if (this.survey?.id !== surveyId) this.survey = undefined;
    this.loading = true;
    this.error = null;
    try {
      const survey = await unwrap(
        api.GET('/api/v1/workspaces/{workspaceId}/surveys/{surveyId}', {
          params: { path: { workspaceId, surveyId } },
        }),
      );
      if (isLatest()) this.survey = survey;
    } catch (error) {
      if (isLatest()) this.error = toApiError(error);
    } finally {
      if (isLatest()) this.loading = false;
    }
  }
}

const KEY = Symbol('survey');

export function provideSurvey(resource: SurveyResource): void {
  setContext(KEY, resource);
}

export function useSurvey(): SurveyResource {
  const resource = getContext<SurveyResource | undefined>(KEY);
  if (!resource) throw new Error('useSurvey() outside /surveys/[id]');
  return resource;
}
