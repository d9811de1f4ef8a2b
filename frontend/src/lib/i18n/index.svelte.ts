import { browser } from '$app/environment';
import { en, type Messages } from './en';
import { ru } from './ru';
import { bg } from './bg';
import { INTL_TAGS, isLocale, localeFromLanguages, type Locale } from './locales';

export type { Messages } from './en';
export { LOCALES, isLocale, localeFromLanguages, type Locale } from './locales';

const STORAGE_KEY = 'otklik.locale';
const dictionaries: Record<Locale, Messages> = { en, ru, bg };

function readStored(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function detect(): Locale {
  if (!browser) return 'en';
  const stored = readStored();
  if (stored) return stored;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
  return localeFromLanguages(languages);
}

class LocaleStore {
  /** The active UI language. */
  current = $state<Locale>(detect());

  /** The active dictionary; reading it inside a template or effect is reactive. */
  get t(): Messages {
    return dictionaries[this.current];
  }

  constructor() {
    this.#applyToDocument();
  }

  /** Switches the UI language and remembers the choice. */
  set(locale: Locale): void {
    this.current = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // private mode or storage disabled: the choice lasts for this page only
    }
    this.#applyToDocument();
  }

  /** BCP 47 tag for Intl formatting. */
  get intlTag(): string {
    return INTL_TAGS[this.current];
  }

  #applyToDocument(): void {
    if (browser) document.documentElement.lang = this.current;
  }
}

export const i18n = new LocaleStore();

/** Language names shown in the switcher, each in its own language. */
export const localeNames: Record<Locale, string> = {
  en: en.languageName,
  ru: ru.languageName,
  bg: bg.languageName,
};
