import { getContext, setContext } from 'svelte';
import type { Survey, SurveyQuestion } from '$lib/api/types';
import { copyQuestions, questionsChanged, settingsChanged, toSettingsDraft, type SettingsDraft } from './draft';
import type { SurveyResource } from './survey-resource.svelte';

/**
 * The builder's unsaved edits of one survey, shared by its Questions and Display & look pages and the live
 * preview, and kept while moving between the survey's pages. Each page saves its own part.
 */
export class SurveyDraft {
  /** The survey these edits belong to; null before the first load. */
  forId = $state<string | null>(null);
  questions = $state<SurveyQuestion[]>([]);
  settings = $state<SettingsDraft>({
    name: '',
    touchpointName: '',
    languages: [],
    defaultLanguage: 'en',
    origins: '',
    displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 30, stopAfterResponse: true },
    theme: { primaryColor: '#3451d1', position: 'bottom-right' },
    requireVerifiedCustomer: false,
    contactPolicyExempt: false,
  });
  /** The language whose wording is edited, and the one the preview shows. */
  editLanguage = $state('en');
  previewLanguage = $state('en');

  readonly #resource: SurveyResource;

  constructor(resource: SurveyResource) {
    this.#resource = resource;
  }

  readonly questionsDirty = $derived.by(() => {
    const survey = this.#resource.survey;
    return !!survey && this.forId === survey.id && questionsChanged(this.questions, survey);
  });

  readonly settingsDirty = $derived.by(() => {
    const survey = this.#resource.survey;
    return !!survey && this.forId === survey.id && settingsChanged(this.settings, survey);
  });

  readonly dirty = $derived(this.questionsDirty || this.settingsDirty);

  /** Starts from `survey` unless these edits already belong to it. */
  load(survey: Survey): void {
    if (this.forId === survey.id) return;
    this.questions = copyQuestions(survey);
    this.settings = toSettingsDraft(survey);
    this.editLanguage = survey.defaultLanguage;
    this.previewLanguage = survey.defaultLanguage;
    this.forId = survey.id;
  }

  resetQuestions(survey: Survey): void {
    this.questions = copyQuestions(survey);
  }

  resetSettings(survey: Survey): void {
    this.settings = toSettingsDraft(survey);
    this.keepLanguagesValid();
  }

  /** The edit and preview languages must stay among the survey's (draft) languages. */
  keepLanguagesValid(): void {
    const { languages, defaultLanguage } = this.settings;
    if (!languages.includes(this.editLanguage)) this.editLanguage = defaultLanguage;
    if (!languages.includes(this.previewLanguage)) this.previewLanguage = defaultLanguage;
  }
}

const KEY = Symbol('survey-draft');

export function provideDraft(draft: SurveyDraft): void {
  setContext(KEY, draft);
}

export function useDraft(): SurveyDraft {
  const draft = getContext<SurveyDraft | undefined>(KEY);
  if (!draft) throw new Error('useDraft() outside /surveys/[id]');
  return draft;
}
