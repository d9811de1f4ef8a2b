import type { DisplayRules, LocalizedText, Question, SurveyKind, WidgetTheme, WidgetUiText } from './survey-definition';

/** Built-in wording in every built-in language (en, ru, bg, de). */
const NPS_QUESTION: LocalizedText = {
  en: 'How likely are you to recommend us to a friend or colleague?',
  ru: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
  bg: 'Колко вероятно е да ни препоръчате на приятел или колега?',
  de: 'Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?',
};
const NPS_LOW: LocalizedText = {
  en: 'Not at all likely',
  ru: 'Совсем маловероятно',
  bg: 'Никак не е вероятно',
  de: 'Überhaupt nicht wahrscheinlich',
};
const NPS_HIGH: LocalizedText = { en: 'Extremely likely', ru: 'Очень вероятно', bg: 'Много вероятно', de: 'Äußerst wahrscheinlich' };

const CSAT_QUESTION: LocalizedText = {
  en: 'How satisfied are you with your experience?',
  ru: 'Насколько вы довольны?',
  bg: 'Колко сте доволни от обслужването?',
  de: 'Wie zufrieden sind Sie mit Ihrer Erfahrung?',
};
const CSAT_LOW: LocalizedText = { en: 'Very dissatisfied', ru: 'Совсем не доволен', bg: 'Много недоволен', de: 'Sehr unzufrieden' };
const CSAT_HIGH: LocalizedText = { en: 'Very satisfied', ru: 'Очень доволен', bg: 'Много доволен', de: 'Sehr zufrieden' };

const CES_QUESTION: LocalizedText = {
  en: 'The company made it easy for me to handle my issue.',
  ru: 'Компания позволила мне легко решить мой вопрос.',
  bg: 'Компанията ми улесни решаването на въпроса.',
  de: 'Das Unternehmen hat es mir leicht gemacht, mein Anliegen zu erledigen.',
};
const CES_LOW: LocalizedText = {
  en: 'Strongly disagree',
  ru: 'Совершенно не согласен',
  bg: 'Напълно несъгласен',
  de: 'Stimme überhaupt nicht zu',
};
const CES_HIGH: LocalizedText = { en: 'Strongly agree', ru: 'Полностью согласен', bg: 'Напълно съгласен', de: 'Stimme voll und ganz zu' };

const ASK_WHAT_WENT_WRONG: LocalizedText = {
  en: 'What went wrong? What should we fix first?',
  ru: 'Что пошло не так? Что нам исправить в первую очередь?',
  bg: 'Какво се обърка? Какво да поправим първо?',
  de: 'Was ist schiefgelaufen? Was sollten wir zuerst verbessern?',
};
const ASK_WHAT_TO_IMPROVE: LocalizedText = {
  en: 'What could we do better?',
  ru: 'Что мы могли бы сделать лучше?',
  bg: 'Какво можем да направим по-добре?',
  de: 'Was könnten wir besser machen?',
};
const ASK_WHAT_YOU_LIKED: LocalizedText = {
  en: 'What did you like most?',
  ru: 'Что вам понравилось больше всего?',
  bg: 'Какво ви хареса най-много?',
  de: 'Was hat Ihnen am besten gefallen?',
};

function followUp(bands: { min: number; max: number; text: LocalizedText }[]): Question {
  return {
    id: 'comment',
    type: 'text',
    required: false,
    text: ASK_WHAT_TO_IMPROVE,
    maxLength: 5000,
    textByScore: { scoreQuestionId: 'score', bands },
  };
}

/** The questions a new survey of a built-in kind starts with. `cesScale` picks 1–5 or 1–7 for CES. */
export function defaultQuestions(kind: Exclude<SurveyKind, 'custom'>, cesScale: 5 | 7 = 7): Question[] {
  switch (kind) {
    case 'nps':
      return [
        { id: 'score', type: 'nps', required: true, text: NPS_QUESTION, scale: { min: 0, max: 10, minLabel: NPS_LOW, maxLabel: NPS_HIGH } },
        followUp([
          { min: 0, max: 6, text: ASK_WHAT_WENT_WRONG },
          { min: 7, max: 8, text: ASK_WHAT_TO_IMPROVE },
          { min: 9, max: 10, text: ASK_WHAT_YOU_LIKED },
        ]),
      ];
    case 'csat':
      return [
        {
          id: 'score',
          type: 'rating',
          required: true,
          text: CSAT_QUESTION,
          scale: { min: 1, max: 5, minLabel: CSAT_LOW, maxLabel: CSAT_HIGH },
        },
        followUp([
          { min: 1, max: 2, text: ASK_WHAT_WENT_WRONG },
          { min: 3, max: 3, text: ASK_WHAT_TO_IMPROVE },
          { min: 4, max: 5, text: ASK_WHAT_YOU_LIKED },
        ]),
      ];
    case 'ces': {
      const lowMax = cesScale === 7 ? 3 : 2;
      return [
        {
          id: 'score',
          type: 'rating',
          required: true,
          text: CES_QUESTION,
          scale: { min: 1, max: cesScale, minLabel: CES_LOW, maxLabel: CES_HIGH },
        },
        followUp([
          { min: 1, max: lowMax, text: ASK_WHAT_WENT_WRONG },
          { min: lowMax + 1, max: cesScale, text: ASK_WHAT_TO_IMPROVE },
        ]),
      ];
    }
  }
}

export const DEFAULT_DISPLAY_RULES: DisplayRules = {
  trigger: 'page_load',
  samplePercent: 100,
  recontactDays: 30,
  stopAfterResponse: true,
};

export const DEFAULT_THEME: WidgetTheme = { primaryColor: '#3451d1', position: 'bottom-right' };

const UI_TEXT: Record<string, WidgetUiText> = {
  en: {
    next: 'Next',
    submit: 'Send',
    close: 'Close',
    thanks: 'Thank you for your feedback!',
    required: 'Please answer this question',
    placeholder: 'Your answer',
    scoreLabel: '{score} out of {max}',
  },
  ru: {
    next: 'Далее',
    submit: 'Отправить',
    close: 'Закрыть',
    thanks: 'Спасибо за отзыв!',
    required: 'Пожалуйста, ответьте на вопрос',
    placeholder: 'Ваш ответ',
    scoreLabel: '{score} из {max}',
  },
  bg: {
    next: 'Напред',
    submit: 'Изпрати',
    close: 'Затвори',
    thanks: 'Благодарим за отзива!',
    required: 'Моля, отговорете на въпроса',
    placeholder: 'Вашият отговор',
    scoreLabel: '{score} от {max}',
  },
  de: {
    next: 'Weiter',
    submit: 'Senden',
    close: 'Schließen',
    thanks: 'Vielen Dank für Ihr Feedback!',
    required: 'Bitte beantworten Sie diese Frage',
    placeholder: 'Ihre Antwort',
    scoreLabel: '{score} von {max}',
  },
};

export function uiText(language: string): WidgetUiText {
  return UI_TEXT[language] ?? UI_TEXT.en;
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi']);
export const directionOf = (language: string): 'ltr' | 'rtl' => (RTL_LANGUAGES.has(language.split('-')[0]) ? 'rtl' : 'ltr');
