import type { LocalizedText, MatrixRow, Question } from './survey-definition';

/** Survey templates: ready question sets a new survey can start from (the dashboard's new-survey form offers them). */

const OVERALL: LocalizedText = {
  en: 'Overall, how satisfied are you?',
  ru: 'В целом, насколько вы довольны?',
  bg: 'Като цяло, колко сте доволни?',
  de: 'Wie zufrieden sind Sie insgesamt?',
};
const OVERALL_LOW: LocalizedText = { en: 'Very dissatisfied', ru: 'Совсем не доволен', bg: 'Много недоволен', de: 'Sehr unzufrieden' };
const OVERALL_HIGH: LocalizedText = { en: 'Very satisfied', ru: 'Очень доволен', bg: 'Много доволен', de: 'Sehr zufrieden' };

const RATE_PARAMETERS: LocalizedText = {
  en: 'How satisfied are you with each of these?',
  ru: 'Насколько вы довольны каждым из этих пунктов?',
  bg: 'Колко сте доволни от всяко от изброените?',
  de: 'Wie zufrieden sind Sie mit jedem dieser Punkte?',
};

const PARAMETERS: MatrixRow[] = [
  { id: 'price', label: { en: 'Price', ru: 'Цены', bg: 'Цени', de: 'Preis' } },
  { id: 'assortment', label: { en: 'Assortment', ru: 'Ассортимент', bg: 'Асортимент', de: 'Sortiment' } },
  { id: 'delivery', label: { en: 'Delivery', ru: 'Доставка', bg: 'Доставка', de: 'Lieferung' } },
  { id: 'payment', label: { en: 'Payment', ru: 'Оплата', bg: 'Плащане', de: 'Bezahlung' } },
  { id: 'service', label: { en: 'Customer service', ru: 'Обслуживание', bg: 'Обслужване', de: 'Kundenservice' } },
  { id: 'extras', label: { en: 'Extras and gifts', ru: 'Бонусы и подарки', bg: 'Бонуси и подаръци', de: 'Extras und Geschenke' } },
];

const LIKES: LocalizedText = {
  en: 'What do you like?',
  ru: 'Что вам нравится?',
  bg: 'Какво ви харесва?',
  de: 'Was gefällt Ihnen?',
};
const DISLIKES: LocalizedText = {
  en: "What don't you like?",
  ru: 'Что вам не нравится?',
  bg: 'Какво не ви харесва?',
  de: 'Was gefällt Ihnen nicht?',
};
const IMPROVE: LocalizedText = {
  en: 'What should we improve?',
  ru: 'Что нам стоит улучшить?',
  bg: 'Какво да подобрим?',
  de: 'Was sollten wir verbessern?',
};

const open = (id: string, text: LocalizedText): Question => ({ id, type: 'text', required: false, text, maxLength: 2000 });

/**
 * "Satisfaction by parameter", for a custom survey (every question stays editable): an overall 1–5 rating (the
 * response's score, what each parameter is correlated with), the parameters rated on the same scale, and the three
 * open questions whose answers cluster separately.
 */
export function parameterSatisfactionQuestions(): Question[] {
  return [
    {
      id: 'score',
      type: 'rating',
      required: true,
      text: OVERALL,
      scale: { min: 1, max: 5, minLabel: OVERALL_LOW, maxLabel: OVERALL_HIGH },
    },
    { id: 'parameters', type: 'matrix', required: true, text: RATE_PARAMETERS, scale: { min: 1, max: 5 }, rows: PARAMETERS },
    open('likes', LIKES),
    open('dislikes', DISLIKES),
    open('improve', IMPROVE),
  ];
}

export const SURVEY_TEMPLATES = ['parameters'] as const;
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number];
