import { i18n } from './index.svelte';
import { uiFitBg } from './ui-fit.bg';
import { uiFitEn, type UiFitMessages } from './ui-fit.en';
import { uiFitRu } from './ui-fit.ru';

const dictionaries: Record<string, UiFitMessages> = { en: uiFitEn, ru: uiFitRu, bg: uiFitBg };

/** The layout strings in the dashboard language (reactive where i18n.current is). */
export const uiFit = (): UiFitMessages => dictionaries[i18n.current] ?? uiFitEn;
