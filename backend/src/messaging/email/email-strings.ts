/** The template's own words (footer, unsubscribe) per language; the message's text is the sender's. */
export interface EmailStrings {
  /** "{workspace}" is replaced by the workspace's name. */
  sentBy: string;
  unsubscribe: string;
  unsubscribeText: string;
  /** Above a scale row with no labels of its own. */
  scaleLow: string;
  scaleHigh: string;
}

const STRINGS: Record<string, EmailStrings> = {
  en: {
    sentBy: 'You receive this message from {workspace}.',
    unsubscribe: 'Unsubscribe',
    unsubscribeText: 'To stop these emails, open:',
    scaleLow: 'Not likely',
    scaleHigh: 'Very likely',
  },
  ru: {
    sentBy: 'Это письмо отправила компания {workspace}.',
    unsubscribe: 'Отписаться',
    unsubscribeText: 'Чтобы больше не получать такие письма, откройте:',
    scaleLow: 'Маловероятно',
    scaleHigh: 'Очень вероятно',
  },
  bg: {
    sentBy: 'Получавате това съобщение от {workspace}.',
    unsubscribe: 'Отписване',
    unsubscribeText: 'За да не получавате повече такива имейли, отворете:',
    scaleLow: 'Малко вероятно',
    scaleHigh: 'Много вероятно',
  },
};

/** The strings of a language tag (`ru`, `ru-RU`, `bg`…), English for the rest. */
export function emailStrings(language: string): EmailStrings {
  const base = language.toLowerCase().split(/[-_]/)[0];
  return STRINGS[base] ?? STRINGS.en;
}

/** The HTML `lang` attribute value: a plain language tag or `en`. */
export function htmlLang(language: string): string {
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(language) ? language : 'en';
}
