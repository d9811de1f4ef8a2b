import type { LocalizedText, OfferType } from '@otklik/survey-model';

export interface SaveOffer {
  type: OfferType;
  /** pause: weeks; skip: orders; discount: percent. */
  amount?: number;
  /** downgrade: the plan offered. */
  plan?: string;
  text: LocalizedText;
}

/**
 * What a save offer needs to be carried out by the host's billing: how many weeks, orders or percent, or which
 * plan. The DTOs check each field's shape; this checks that the one the type needs is there.
 */
export function offerProblems(
  offer: Pick<SaveOffer, 'type' | 'amount' | 'plan'> | null | undefined,
  field: string,
): { field: string; message: string }[] {
  if (!offer) return [];
  if ((offer.type === 'pause' || offer.type === 'skip' || offer.type === 'discount') && offer.amount === undefined) {
    const unit = { pause: 'weeks', skip: 'orders', discount: 'percent' }[offer.type];
    return [{ field: `${field}.amount`, message: `a ${offer.type} offer needs amount (${unit})` }];
  }
  if (offer.type === 'downgrade' && !offer.plan?.trim()) return [{ field: `${field}.plan`, message: 'a downgrade offer needs plan' }];
  return [];
}

export interface ReasonDefinition {
  key: string;
  labels: LocalizedText;
  avoidable: boolean;
  group: string | null;
  offer: SaveOffer | null;
}

const TALK: SaveOffer = {
  type: 'talk_to_us',
  text: {
    en: 'Let us fix it: a specialist will call you today.',
    ru: 'Давайте исправим: специалист свяжется с вами сегодня.',
    bg: 'Нека го поправим: специалист ще се свърже с вас днес.',
    de: 'Lassen Sie uns das lösen: Ein Spezialist meldet sich noch heute.',
  },
};
const DISCOUNT: SaveOffer = {
  type: 'discount',
  amount: 20,
  text: {
    en: 'Stay and get 20% off for 3 months.',
    ru: 'Останьтесь — скидка 20% на 3 месяца.',
    bg: 'Останете с 20% отстъпка за 3 месеца.',
    de: 'Bleiben Sie und erhalten Sie 3 Monate 20 % Rabatt.',
  },
};
const PAUSE: SaveOffer = {
  type: 'pause',
  amount: 4,
  text: {
    en: 'Pause for 4 weeks instead of cancelling.',
    ru: 'Поставьте на паузу на 4 недели вместо отмены.',
    bg: 'Пауза за 4 седмици вместо отказ.',
    de: 'Pausieren Sie 4 Wochen, statt zu kündigen.',
  },
};

/**
 * The common reason set every workspace starts with. Moving away and changed needs are unavoidable;
 * the rest is something the company can act on.
 */
export const DEFAULT_REASONS: ReasonDefinition[] = [
  {
    key: 'product_quality',
    avoidable: true,
    group: 'product',
    offer: TALK,
    labels: { en: 'Product quality', ru: 'Качество продукта', bg: 'Качество на продукта', de: 'Produktqualität' },
  },
  {
    key: 'poor_service',
    avoidable: true,
    group: 'service',
    offer: TALK,
    labels: { en: 'Poor service', ru: 'Плохое обслуживание', bg: 'Лошо обслужване', de: 'Schlechter Service' },
  },
  {
    key: 'competitor_offer',
    avoidable: true,
    group: 'price',
    offer: DISCOUNT,
    labels: {
      en: "A competitor's better offer",
      ru: 'Выгоднее у конкурента',
      bg: 'По-добра оферта от конкурент',
      de: 'Besseres Angebot der Konkurrenz',
    },
  },
  {
    key: 'too_expensive',
    avoidable: true,
    group: 'price',
    offer: DISCOUNT,
    labels: { en: 'Too expensive', ru: 'Слишком дорого', bg: 'Твърде скъпо', de: 'Zu teuer' },
  },
  {
    key: 'missing_features',
    avoidable: true,
    group: 'product',
    offer: TALK,
    labels: { en: 'Missing features', ru: 'Не хватает функций', bg: 'Липсващи функции', de: 'Fehlende Funktionen' },
  },
  {
    key: 'too_complex',
    avoidable: true,
    group: 'product',
    offer: TALK,
    labels: { en: 'Too complex', ru: 'Слишком сложно', bg: 'Твърде сложно', de: 'Zu kompliziert' },
  },
  {
    key: 'not_using',
    avoidable: false,
    group: 'needs',
    offer: PAUSE,
    labels: {
      en: 'Not using it / needs changed',
      ru: 'Не пользуюсь / изменились потребности',
      bg: 'Не го използвам / нуждите се промениха',
      de: 'Nutze es nicht / Bedarf hat sich geändert',
    },
  },
  {
    key: 'moved_away',
    avoidable: false,
    group: 'needs',
    offer: null,
    labels: { en: 'Moved away', ru: 'Переезд', bg: 'Преместване', de: 'Umzug' },
  },
  {
    key: 'technical_problems',
    avoidable: true,
    group: 'product',
    offer: TALK,
    labels: { en: 'Technical problems', ru: 'Технические проблемы', bg: 'Технически проблеми', de: 'Technische Probleme' },
  },
  {
    key: 'temporary',
    avoidable: true,
    group: 'needs',
    offer: PAUSE,
    labels: { en: 'Temporary / seasonal', ru: 'Временно / сезонно', bg: 'Временно / сезонно', de: 'Vorübergehend / saisonal' },
  },
  { key: 'other', avoidable: true, group: null, offer: null, labels: { en: 'Other', ru: 'Другое', bg: 'Друго', de: 'Sonstiges' } },
];
