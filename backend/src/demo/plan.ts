import { composeComment, type Theme, toneOf, type Tone, BRAND, expand } from './comments';
import { handle, LANGUAGE_WEIGHTS, personName, type StoryLanguage } from './names';
import { Prng } from './prng';
import { appCrashIntensity, courierIntensity, type DemoStory, growth, priceIntensity, STORY_DAYS, StoryClock } from './story';

/**
 * The whole story as plain data, before anything is stored: same seed and same "now" give the same plan.
 * Days are fractional days since the story's start (see StoryClock).
 */

export const PLANS = {
  lite: { mrr: 3990, label: 'Lite 2×2' },
  classic: { mrr: 5990, label: 'Classic 2×3' },
  veggie: { mrr: 5490, label: 'Veggie 2×3' },
  family: { mrr: 9990, label: 'Family 4×4' },
} as const;
export type PlanKey = keyof typeof PLANS;
/** After the price rise customers on these plans pay about 12 % more. */
const PRICE_RISE_FACTOR = 1.12;

export const SEGMENTS = ['families', 'couples', 'singles', 'offices'] as const;
export type Segment = (typeof SEGMENTS)[number];
const SEGMENT_PLANS: Record<Segment, Record<PlanKey, number>> = {
  families: { family: 0.7, classic: 0.25, veggie: 0.05, lite: 0 },
  couples: { classic: 0.55, veggie: 0.25, lite: 0.15, family: 0.05 },
  singles: { lite: 0.6, veggie: 0.25, classic: 0.15, family: 0 },
  offices: { family: 0.5, classic: 0.5, lite: 0, veggie: 0 },
};

export interface PlannedCustomer {
  externalId: string;
  name: string;
  email: string;
  phone: string | null;
  language: StoryLanguage;
  segment: Segment;
  plan: PlanKey;
  city: string;
  firstSeenDay: number;
  lastSeenDay: number;
  /** The day they cancelled for good (stage left), if they did. */
  leftDay: number | null;
  /** From this day on they stopped visiting (the "sleeping" customers), if they did. */
  quietFromDay: number | null;
  trial: boolean;
  surveyConsent: boolean;
  marketingConsent: boolean;
}

export type SurveyKey = 'nps' | 'csat' | 'ces';

export interface PlannedResponse {
  id: string;
  survey: SurveyKey;
  day: number;
  customer: PlannedCustomer;
  theme: Theme;
  score: number;
  comment: string | null;
  language: StoryLanguage;
}

export interface PlannedCancellation {
  id: string;
  day: number;
  customer: PlannedCustomer;
  reasonKey: string;
  otherText: string | null;
  followUp: string | null;
  saved: boolean;
  language: StoryLanguage;
}

export interface PlannedMention {
  source: string;
  externalId: string;
  day: number;
  author: string;
  text: string;
  language: StoryLanguage;
  url: string;
  reach: number;
  parentExternalId?: string;
}

export interface StoryPlan {
  customers: PlannedCustomer[];
  responses: PlannedResponse[];
  cancellations: PlannedCancellation[];
  mentions: PlannedMention[];
}

/** A v4-shaped UUID from the story's PRNG, so stored ids are the same on every seed. */
export function storyUuid(rng: Prng): string {
  const s = Array.from({ length: 4 }, () =>
    Math.floor(rng.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = ((parseInt(s[16], 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
}

/** A day in [from, to) drawn with probability proportional to `weight(day)` (≤ maxWeight), by rejection. */
function drawDay(rng: Prng, weight: (day: number) => number, maxWeight: number, from = 0, to = STORY_DAYS - 0.01): number {
  for (let i = 0; i < 200; i++) {
    const day = from + rng.next() * (to - from);
    if (rng.next() * maxWeight <= weight(day)) return day;
  }
  return from + rng.next() * (to - from);
}

const CITIES: Record<StoryLanguage, string[]> = {
  ru: ['Москва', 'Москва', 'Москва', 'Санкт-Петербург', 'Санкт-Петербург', 'Казань', 'Екатеринбург', 'Нижний Новгород'],
  en: ['Moscow', 'Saint Petersburg', 'Moscow', 'Kazan'],
  bg: ['Москва', 'Санкт-Петербург', 'Москва'],
};

export const isActiveOn = (c: PlannedCustomer, day: number) =>
  c.firstSeenDay <= day && (c.leftDay === null || day < c.leftDay) && (c.quietFromDay === null || day < c.quietFromDay);

/** The customer's MRR on a day: the price rise (month 6) applies from then on. */
export function mrrOn(c: PlannedCustomer, day: number): number {
  const base = PLANS[c.plan].mrr;
  return day >= 5 * (STORY_DAYS / 12) ? Math.round(base * PRICE_RISE_FACTOR) : base;
}

function planCustomers(rng: Prng, story: DemoStory): PlannedCustomer[] {
  const customers: PlannedCustomer[] = [];
  for (let i = 0; i < story.customers; i++) {
    const language = rng.weighted(LANGUAGE_WEIGHTS);
    const person = personName(rng, language, i);
    const segment = rng.weighted<Segment>({ families: 0.35, couples: 0.35, singles: 0.22, offices: 0.08 });
    const plan = rng.weighted(SEGMENT_PLANS[segment]);
    // A third joined before the story's year; the rest signed up at a growing pace.
    const firstSeenDay = rng.chance(0.3) ? -rng.next() * 500 : drawDay(rng, growth, growth(STORY_DAYS), 0, STORY_DAYS - 2);
    const trial = firstSeenDay > STORY_DAYS - 45 && rng.chance(0.35);
    const phone = rng.chance(0.7)
      ? language === 'bg'
        ? `+359 88 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`
        : `+7 9${rng.int(10, 99)} ${rng.int(100, 999)}-${rng.int(10, 99)}-${rng.int(10, 99)}`
      : null;
    customers.push({
      externalId: `cus_${String(10_000 + i * 7)}`,
      name: person.full,
      email: person.email,
      phone,
      language,
      segment,
      plan,
      city: rng.pick(CITIES[language]),
      firstSeenDay,
      lastSeenDay: Math.min(STORY_DAYS - 0.05, Math.max(firstSeenDay, 0) + rng.next() * 3),
      leftDay: null,
      quietFromDay: null,
      trial,
      surveyConsent: rng.chance(0.86),
      marketingConsent: rng.chance(0.55),
    });
  }
  return customers;
}

/** A customer active on `day` (and, when asked, old enough to be cancelling), or null after a few tries. */
function activeCustomer(rng: Prng, customers: PlannedCustomer[], day: number, minTenure = 0): PlannedCustomer | null {
  for (let i = 0; i < 40; i++) {
    const c = rng.pick(customers);
    if (isActiveOn(c, day) && day - c.firstSeenDay >= minTenure && !c.trial) return c;
  }
  return null;
}

const REASON_THEME: Record<string, Theme | null> = {
  too_expensive: 'price',
  competitor_offer: 'price',
  poor_service: 'courier_delay',
  product_quality: 'freshness',
  technical_problems: 'app_crash',
  missing_features: 'recipe_variety',
  not_using: null,
  temporary: null,
  moved_away: null,
  too_complex: null,
  other: null,
};

const FOLLOW_UPS: Record<string, Record<StoryLanguage, string[]>> = {
  not_using: {
    ru: [
      '{не успеваем|не успеваю} готовить {по будням|всё, что приходит}',
      'часто {остаются продукты|выбрасываем половину}',
      'перешли на {доставку готовой еды|столовую на работе}',
    ],
    en: ["{we don't|I don't} have time to cook {on weekdays|everything that arrives}", 'too much food {goes to waste|ends up in the bin}'],
    bg: ['нямам време да готвя {през седмицата|всичко}', 'остават много продукти'],
  },
  temporary: {
    ru: ['уезжаем {в отпуск|на дачу|к родителям} на {месяц|всё лето|три недели}', '{ремонт на кухне|переезд на время}, вернёмся позже'],
    en: ["going {on holiday|abroad|to my parents'} for {a month|the summer}", '{kitchen renovation|temporary move}, will be back'],
    bg: ['заминаваме {на почивка|в чужбина} за {месец|лятото}', 'ремонт в кухнята, ще се върнем'],
  },
  moved_away: {
    ru: ['переезжаю в {Тбилиси|Калининград|Новосибирск}, туда вы не доставляете'],
    en: ["moving to {Tbilisi|Belgrade|Almaty}, you don't deliver there"],
    bg: ['местя се в {Пловдив|Варна|София}, там не доставяте'],
  },
  too_complex: {
    ru: ['рецепты {слишком долгие|сложные}, {час у плиты|много шагов} после работы — тяжело'],
    en: ['recipes take {too long|over an hour} after work'],
    bg: ['рецептите са {твърде дълги|сложни} след работа'],
  },
};

const OTHER_TEXTS: Record<StoryLanguage, string[]> = {
  ru: [
    '{сел на диету|врач посоветовал диету}, {нужны блюда без глютена|считаю калории}',
    'беременность, многое нельзя',
    'муж готовит сам, нам больше не нужно',
    'хочу попробовать {другой сервис|готовить сама} какое-то время',
  ],
  en: [
    '{started a diet|doctor put me on a diet}, need {gluten-free meals|calorie counts}',
    "my partner cooks now, we don't need it",
    'want to try {another service|cooking myself} for a while',
  ],
  bg: [
    '{на диета съм|лекарят ми препоръча диета}, трябват {ястия без глутен|по-леки ястия}',
    'искам да пробвам {друга услуга|да готвя сама}',
  ],
};

function cancellationReasonWeights(day: number): Record<string, number> {
  return {
    not_using: 15,
    too_expensive: 11 + 48 * priceIntensity(day),
    temporary: 13,
    product_quality: 9,
    poor_service: 5 + 40 * courierIntensity(day),
    competitor_offer: 8 + 6 * priceIntensity(day),
    moved_away: 5,
    missing_features: 6,
    too_complex: 3,
    technical_problems: 3 + 40 * appCrashIntensity(day),
    other: 8,
  };
}

/** Offers by reason (see seed-churn: skip for temporary, pause for not using, discount for price, a call otherwise). */
const SAVE_RATE: Record<string, number> = {
  temporary: 0.55,
  not_using: 0.38,
  too_expensive: 0.28,
  competitor_offer: 0.22,
  product_quality: 0.18,
  poor_service: 0.2,
  missing_features: 0.12,
  too_complex: 0.15,
  technical_problems: 0.3,
  moved_away: 0,
  other: 0,
};

function planCancellations(rng: Prng, story: DemoStory, customers: PlannedCustomer[]): PlannedCancellation[] {
  const weight = (day: number) =>
    growth(day) * (1 + 1.3 * priceIntensity(day) + 0.9 * courierIntensity(day) + 0.8 * appCrashIntensity(day));
  const days = Array.from({ length: story.cancellations }, () => drawDay(rng, weight, 3.8)).sort((a, b) => a - b);
  const out: PlannedCancellation[] = [];
  for (const day of days) {
    const customer = activeCustomer(rng, customers, day, 20);
    if (!customer) continue;
    const reasonKey = rng.weighted(cancellationReasonWeights(day));
    const language = customer.language;
    const theme = REASON_THEME[reasonKey];
    const followUp =
      theme && rng.chance(0.7)
        ? composeComment(rng, theme, language, { short: true })
        : FOLLOW_UPS[reasonKey] && rng.chance(0.6)
          ? expand(rng, rng.pick(FOLLOW_UPS[reasonKey][language]))
          : null;
    const otherText = reasonKey === 'other' ? expand(rng, rng.pick(OTHER_TEXTS[language])) : null;
    const saved = rng.chance(SAVE_RATE[reasonKey] ?? 0);
    if (!saved) {
      customer.leftDay = day;
      customer.lastSeenDay = day;
    } else customer.lastSeenDay = Math.max(customer.lastSeenDay, day);
    out.push({ id: storyUuid(rng), day, customer, reasonKey, otherText, followUp, saved, language });
  }
  return out;
}

/** Which themes each survey hears about on a day, and how often. */
function themeWeights(survey: SurveyKey | 'mention', day: number): Partial<Record<Theme, number>> {
  const courier = courierIntensity(day);
  const price = priceIntensity(day);
  const crash = appCrashIntensity(day);
  switch (survey) {
    case 'csat':
      return {
        courier_delay: 3 + 70 * courier,
        freshness: 9,
        portion_size: 8,
        missing_ingredient: 7,
        packaging_waste: 6,
        recipe_variety: 5,
        praise: 42 - 12 * courier,
      };
    case 'ces':
      return {
        support_friendly: 40,
        support_slow: 12 + 10 * courier,
        skip_pause: 22,
        app_crash: 2 + 45 * crash,
        missing_ingredient: 4,
        courier_delay: 2 + 20 * courier,
      };
    case 'nps':
      return {
        courier_delay: 2 + 32 * courier,
        price: 4 + 20 * price,
        app_crash: 1 + 20 * crash,
        portion_size: 7,
        freshness: 6,
        recipe_variety: 8,
        packaging_waste: 6,
        missing_ingredient: 3,
        support_friendly: 6,
        skip_pause: 6,
        praise: 36,
      };
    case 'mention':
      return {
        courier_delay: 3 + 70 * courier,
        price: 5 + 25 * price,
        app_crash: 1 + 40 * crash,
        freshness: 6,
        portion_size: 4,
        recipe_variety: 4,
        packaging_waste: 7,
        missing_ingredient: 4,
        support_friendly: 5,
        support_slow: 5,
        skip_pause: 3,
        praise: 30,
      };
  }
}

/** A score consistent with the comment's tone, on the survey's scale. */
function scoreFor(rng: Prng, survey: SurveyKey, tone: Tone): number {
  if (survey === 'nps') {
    if (tone === 'negative') return rng.weighted({ 0: 1, 1: 1, 2: 2, 3: 3, 4: 3, 5: 3, 6: 2, 7: 0.6 }) as unknown as number;
    if (tone === 'mixed') return rng.weighted({ 5: 1, 6: 2, 7: 4, 8: 4, 9: 1 }) as unknown as number;
    return rng.weighted({ 8: 1, 9: 4, 10: 6 }) as unknown as number;
  }
  if (survey === 'csat') {
    if (tone === 'negative') return rng.weighted({ 1: 4, 2: 4, 3: 1.5 }) as unknown as number;
    if (tone === 'mixed') return rng.weighted({ 2: 1, 3: 4, 4: 4 }) as unknown as number;
    return rng.weighted({ 4: 3, 5: 7 }) as unknown as number;
  }
  // CES 1–7, 7 = very easy.
  if (tone === 'negative') return rng.weighted({ 1: 3, 2: 4, 3: 3, 4: 1 }) as unknown as number;
  if (tone === 'mixed') return rng.weighted({ 3: 1, 4: 3, 5: 4, 6: 1 }) as unknown as number;
  return rng.weighted({ 5: 1, 6: 4, 7: 5 }) as unknown as number;
}

const SURVEY_SHARE: Record<SurveyKey, number> = { nps: 0.42, csat: 0.4, ces: 0.18 };

function planResponses(rng: Prng, story: DemoStory, customers: PlannedCustomer[]): PlannedResponse[] {
  const out: PlannedResponse[] = [];
  for (const survey of ['nps', 'csat', 'ces'] as SurveyKey[]) {
    const n = Math.round(story.responses * SURVEY_SHARE[survey]);
    // Delivery problems bring more people to the CSAT form and to support.
    const weight = (day: number) => growth(day) * (survey === 'nps' ? 1 : 1 + 0.35 * courierIntensity(day));
    let made = 0;
    for (let attempts = 0; made < n && attempts < n * 4; attempts++) {
      const day = drawDay(rng, weight, 1.9);
      const customer = activeCustomer(rng, customers, day);
      if (!customer) continue;
      const theme = rng.weighted(themeWeights(survey, day) as Record<Theme, number>);
      const tone = toneOf(theme);
      const score = Number(scoreFor(rng, survey, tone));
      const commentChance = tone === 'negative' ? 0.85 : tone === 'mixed' ? 0.7 : 0.42;
      const comment = rng.chance(commentChance) ? composeComment(rng, theme, customer.language) : null;
      customer.lastSeenDay = Math.max(customer.lastSeenDay, day);
      out.push({ id: storyUuid(rng), survey, day, customer, theme, score, comment, language: customer.language });
      made += 1;
    }
  }
  return out.sort((a, b) => a.day - b.day);
}

const SOURCES_BY_LANGUAGE: Record<StoryLanguage, Record<string, number>> = {
  ru: { telegram: 0.34, vk: 0.3, otzovik: 0.16, twitter: 0.2 },
  en: { twitter: 0.6, trustpilot: 0.4 },
  bg: { twitter: 0.3, telegram: 0.3, trustpilot: 0.4 },
};

const SOCIAL_WRAP: Record<StoryLanguage, string[]> = {
  ru: ['{brand}: {text}', '{text} #{brand}', '@uzhinbox {text}', '{text}', 'Про {brand}: {text}', '{text} (заказываю {brand} с весны)'],
  en: ['@uzhinbox {text}', '{text} #mealkit', '{brand}: {text}', '{text}'],
  bg: ['{brand}: {text}', '{text} #{brand}', '{text}'],
};

/** What people add around a complaint or a compliment in a post: who they are, what was in the box, when. */
const MENTION_CONTEXT: Record<StoryLanguage, string[]> = {
  ru: [
    'Заказываю с {весны|января|прошлого лета|осени}, {у нас двое детей|живём вдвоём|готовлю на троих|беру на всю семью}.',
    'На этой неделе в наборе {паста с лососем|том ям|шакшука|плов с курицей|рататуй|бефстроганов|поке с тунцом|сырники|борщ|карбонара}.',
    '{Марьино|Бутово|Химки|Парнас|Купчино|Сокол|Митино|Люблино|Казань, Ново-Савиновский|Екатеринбург, ЖБИ}.',
    '{Во вторник|В четверг|В субботу|Вчера|Позавчера|В воскресенье} {вечером|утром|днём}.',
    'Кто-нибудь ещё {сталкивался с таким|заметил это|так же попал}?',
    '{Подруга|Коллега|Сестра|Сосед} {посоветовала|подсадила|рассказала про} этот сервис.',
    '{Пишу сюда, потому что|Пишу публично, так как} {в чате не отвечают|так быстрее|хочу, чтобы увидели}.',
  ],
  en: [
    'Been ordering since {spring|January|last summer|autumn}, {two kids at home|just the two of us|cooking for three}.',
    "This week's box had {salmon pasta|tom yum|shakshuka|chicken pilaf|ratatouille|beef stroganoff|tuna poke|carbonara}.",
    '{On Tuesday|On Thursday|Yesterday|Last night|On Saturday|This morning}.',
    'Anyone else {had this|noticed this|seeing the same}?',
    'My {friend|colleague|sister|neighbour} {recommended|got me into|told me about} this service.',
    "Posting here because {chat is not answering|it's faster|I want people to see this}.",
  ],
  bg: [
    'Поръчвам от {пролетта|януари|миналото лято|есента}, {имаме две деца|живеем двамата|готвя за трима}.',
    'Тази седмица в кутията {има паста със сьомга|има том ям|има шакшука|има пилаф с пиле|има рататуй|има карбонара}.',
    '{Във вторник|В четвъртък|Вчера|Снощи|В събота}.',
    'Някой друг {сблъсквал ли се е с това|забелязал ли е това}?',
    '{Приятелка|Колежка|Сестра ми} ми {препоръча|каза за} тази услуга.',
  ],
};

/** A post: the comment wrapped as people post it, with a bit of their own context most of the time. */
function postText(rng: Prng, theme: Theme, language: StoryLanguage): string {
  const core = composeComment(rng, theme, language);
  const context = MENTION_CONTEXT[language];
  const before = rng.chance(0.35) ? `${expand(rng, rng.pick(context))} ` : '';
  const after = rng.chance(0.55) ? ` ${expand(rng, rng.pick(context))}` : '';
  const body = `${before}${core}${/[.!?)]$/u.test(core) || !after ? '' : '.'}${after}`;
  return rng.pick(SOCIAL_WRAP[language]).replace('{text}', body).replace('{brand}', BRAND[language]);
}

const BRAND_REPLIES: Record<StoryLanguage, string[]> = {
  ru: [
    'Здравствуйте! Напишите нам в личные сообщения номер заказа — разберёмся.',
    'Спасибо, что написали. Передали в службу доставки, вернёмся с ответом сегодня.',
    'Нам очень жаль. Уже связались с вами в чате.',
  ],
  en: [
    'Hi! Please DM us your order number and we will sort it out.',
    'Thanks for letting us know, we passed it on to the delivery team.',
    'So sorry about this, we have reached out in chat.',
  ],
  bg: ['Здравейте! Пишете ни на лично номера на поръчката.', 'Благодарим! Предадохме на екипа по доставките.'],
};

function planMentions(rng: Prng, story: DemoStory): PlannedMention[] {
  const out: PlannedMention[] = [];
  const spikeShare = 0.03;
  const weight = (day: number) => growth(day) * (1 + 1.4 * courierIntensity(day) + 0.6 * appCrashIntensity(day));
  // One bad day at the courier problem's peak: a thread that went viral.
  const spikeDay = Math.floor(8.3 * (STORY_DAYS / 12));
  const total = story.mentions;
  const spikes = Math.round(total * spikeShare);
  const days = Array.from({ length: total }, (_, i) => ({
    spike: i < spikes,
    day: i < spikes ? spikeDay + rng.next() * 0.95 : drawDay(rng, weight, 3.4),
  })).sort((a, b) => a.day - b.day);
  let serial = 0;
  /** Originals of the last 5 days (copies and replies refer to them). */
  let recent: PlannedMention[] = [];
  for (const { spike, day } of days) {
    const language = rng.weighted(LANGUAGE_WEIGHTS);
    const source = rng.weighted(SOURCES_BY_LANGUAGE[language]);
    recent = recent.filter((m) => m.day > day - 5);
    const earlier = recent;
    serial += 1;
    const externalId = `${source.slice(0, 2)}-${1_700_000 + serial * 13}`;
    const base = { source, externalId, day, language, reach: Math.round(50 + rng.next() ** 3 * 20_000) };
    const roll = rng.next();
    if (!spike && earlier.length > 0 && roll < 0.07) {
      // A repost / forwarded copy of a recent post.
      const original = rng.pick(earlier);
      const text = original.source === 'twitter' ? `RT @${original.author}: ${original.text}` : original.text;
      out.push({
        ...base,
        source: original.source,
        externalId: `${original.source.slice(0, 2)}-${1_700_000 + serial * 13}`,
        author: handle(rng, original.language),
        text,
        language: original.language,
        url: `https://${original.source}.example/${serial}`,
      });
      continue;
    }
    if (!spike && earlier.length > 0 && roll < 0.15) {
      const parent = rng.pick(earlier);
      out.push({
        ...base,
        source: parent.source,
        externalId: `${parent.source.slice(0, 2)}-${1_700_000 + serial * 13}`,
        author: 'uzhinbox_support',
        text: rng.pick(BRAND_REPLIES[parent.language]),
        language: parent.language,
        url: `https://${parent.source}.example/${serial}`,
        parentExternalId: parent.externalId,
      });
      continue;
    }
    const theme: Theme = spike ? 'courier_delay' : rng.weighted(themeWeights('mention', day) as Record<Theme, number>);
    const text = postText(rng, theme, language);
    const original: PlannedMention = { ...base, author: handle(rng, language), text, url: `https://${source}.example/${serial}` };
    out.push(original);
    recent.push(original);
  }
  return out;
}

/** The whole story for one seed and one "now". */
export function planStory(story: DemoStory, clock: StoryClock): StoryPlan {
  void clock;
  const root = new Prng(story.seed);
  const customers = planCustomers(root.fork('customers'), story);
  // Quiet customers: some stopped visiting months ago without cancelling (the "sleeping" list).
  const quiet = root.fork('quiet');
  for (const c of customers) {
    const from = STORY_DAYS - quiet.int(95, 200);
    if (!c.trial && c.firstSeenDay < from - 30 && quiet.chance(0.06)) c.quietFromDay = from;
  }
  const cancellations = planCancellations(root.fork('cancellations'), story, customers);
  const responses = planResponses(root.fork('responses'), story, customers);
  const mentions = planMentions(root.fork('mentions'), story);
  // Everyone still active has visited lately (orders, the app), most within the last days.
  for (const c of customers) {
    if (c.leftDay === null && c.quietFromDay === null && quiet.chance(0.75))
      c.lastSeenDay = Math.max(c.lastSeenDay, STORY_DAYS - quiet.next() * 12);
    if (c.quietFromDay !== null && c.leftDay === null)
      c.lastSeenDay = Math.max(c.lastSeenDay, Math.min(c.quietFromDay - 1, c.firstSeenDay + 30));
  }
  return { customers, responses, cancellations, mentions };
}
