import type { StoryLanguage } from './names';
import type { Prng } from './prng';

/**
 * Customer comments composed from templates: each theme has core statements per language written with
 * alternatives ("{курьер|доставщик} опоздал"), plus openers, details and closers of the theme's tone, then
 * light noise (lower-case start, a dropped letter, a missing full stop, an emoji) so they read as people wrote them.
 */
export const THEMES = [
  'courier_delay',
  'price',
  'app_crash',
  'portion_size',
  'freshness',
  'recipe_variety',
  'packaging_waste',
  'missing_ingredient',
  'support_friendly',
  'support_slow',
  'skip_pause',
  'praise',
] as const;
export type Theme = (typeof THEMES)[number];
export type Tone = 'negative' | 'mixed' | 'positive';

interface ThemeText {
  tone: Tone;
  core: Record<StoryLanguage, string[]>;
  detail?: Record<StoryLanguage, string[]>;
}

const TEXTS: Record<Theme, ThemeText> = {
  courier_delay: {
    tone: 'negative',
    core: {
      ru: [
        '{курьер|доставщик} опоздал на {два часа|полтора часа|три часа|целый час}',
        'доставку {привезли|привезли только} {после десяти вечера|к ночи|на следующий день}, хотя окно было {с 18 до 20|с 9 до 12|до обеда}',
        'уже {третий|второй} раз подряд {задерживают доставку|срывают окно доставки|курьер не приезжает вовремя}',
        'ждала курьера весь вечер, {никто не позвонил|никто не предупредил|телефон курьера недоступен}',
        'окно доставки {вообще не соблюдают|превратилось в лотерею|ничего не значит}',
        'коробку {оставили у двери без звонка|привезли позже, чем обещали|отдали соседям}, {продукты успели нагреться|мясо было тёплым|я уже заказал пиццу}',
      ],
      en: [
        'the courier was {two hours|an hour and a half|three hours} late',
        'my box arrived {after 10pm|the next morning|way outside the window} even though I picked {the 6–8pm slot|a morning slot}',
        '{third|second} week in a row the delivery is late',
        'waited all evening for the driver, {nobody called|no update at all|the tracking just froze}',
        'delivery windows {mean nothing lately|are a joke now|are never kept anymore}',
        'box was {left outside without a call|delivered hours late}, {the chicken was warm|everything had warmed up}',
      ],
      bg: [
        'куриерът закъсня {с два часа|с час и половина|с три часа}',
        'доставката дойде {след 22 ч.|на другия ден|извън избрания интервал}',
        '{трета|втора} седмица подред доставката закъснява',
        'чаках куриера цяла вечер, {никой не се обади|нямаше никаква информация}',
        'кутията {беше оставена пред вратата|дойде много късно} и {месото беше топло|продуктите се бяха стоплили}',
      ],
    },
    detail: {
      ru: ['Раньше такого не было.', 'Дети остались без ужина.', 'Пришлось готовить что-то другое.', 'В поддержке только извинились.'],
      en: ['This never used to happen.', 'Had to order takeaway instead.', 'Support just said sorry.', 'Kids were starving.'],
      bg: ['Преди не беше така.', 'Наложи се да поръчам храна отвън.', 'От поддръжката само се извиниха.'],
    },
  },
  price: {
    tone: 'negative',
    core: {
      ru: [
        'после {подорожания|повышения цен|нового прайса} {стало слишком дорого|уже не по карману|перестало быть выгодно}',
        'цена выросла, а {порции остались те же|качество не изменилось|ничего нового не добавили}',
        '{за эти деньги|за такую цену} проще {ходить в магазин|заказывать в ресторане|готовить самому}',
        'подписка {подорожала|стала дороже} {почти на 15%|на полторы тысячи|заметно}, {без предупреждения|предупредили за три дня}',
      ],
      en: [
        'since the price {increase|rise|went up} it is {just too expensive|not worth it anymore|out of my budget}',
        'price went up but {portions are the same|nothing else changed|quality did not improve}',
        'for {this money|that price} I can {just shop myself|eat out|get groceries for two weeks}',
        'the subscription got {about 15% more expensive|a lot pricier} with {barely any notice|no warning}',
      ],
      bg: [
        'след {поскъпването|новите цени} {стана твърде скъпо|вече не си струва}',
        'цената се вдигна, а {порциите са същите|нищо не се промени}',
        'за {тези пари|тази цена} по-добре {пазарувам сам|да ходим на ресторант}',
      ],
    },
  },
  app_crash: {
    tone: 'negative',
    core: {
      ru: [
        'после {обновления|апдейта} приложение {вылетает|закрывается|падает} на {оформлении заказа|шаге оплаты|кнопке «Оформить»}',
        'не могу {оформить заказ|оплатить коробку|выбрать рецепты}: приложение {крашится|вылетает} {на айфоне|на андроиде|каждый раз}',
        'новая версия {приложения|аппа} {сломала корзину|не даёт оплатить|зависает при оплате}',
      ],
      en: [
        'the app {crashes|closes|freezes} at {checkout|the payment step|"Place order"} since the {update|last release}',
        "can't {place my order|pay for this week's box|choose recipes}, the app {crashes|keeps crashing} {on iPhone|on Android|every time}",
        "new app version {broke checkout|won't let me pay|hangs on payment}",
      ],
      bg: [
        'след {обновяването|ъпдейта} приложението {се срива|спира} при {плащането|поръчката}',
        'не мога да {платя|завърша поръчката}, приложението {крашва|забива} {на айфон|на андроид}',
      ],
    },
    detail: {
      ru: ['Пришлось заказывать через сайт.', 'Переустановка не помогла.', 'Оплата прошла дважды!'],
      en: ['Had to use the website instead.', 'Reinstalling did not help.', 'I got charged twice!'],
      bg: ['Поръчах през сайта.', 'Преинсталирането не помогна.'],
    },
  },
  portion_size: {
    tone: 'mixed',
    core: {
      ru: [
        'порции {маленькие|маловаты|стали меньше}, {на двоих не хватает|мужу не наедается|приходится докупать гарнир}',
        '{вкусно|всё вкусно}, но {порции могли бы быть больше|мяса маловато|на семью из четырёх мало}',
        'в «семейном» наборе {порции как детские|еды на троих, а не на четверых}',
      ],
      en: [
        'portions are {a bit small|too small|smaller than before}, {not enough for two|my husband is still hungry|I add extra rice}',
        '{tasty|food is good} but {portions could be bigger|there is not much meat|it does not feed a family of four}',
      ],
      bg: [
        'порциите са {малки|твърде малки|по-малки от преди}, {не стигат за двама|мъжът ми остава гладен}',
        'вкусно е, но {порциите можеха да са по-големи|месото е малко}',
      ],
    },
  },
  freshness: {
    tone: 'negative',
    core: {
      ru: [
        '{зелень|салат|кинза} {приехала вялой|была подвявшей|завяла на следующий день}',
        'помидоры {мятые|были раздавлены|подгнившие}, {пришлось выбросить|есть это нельзя}',
        'срок годности у {сливок|курицы|сыра} {заканчивался на следующий день|почти истёк}',
        '{рыба|мясо} {пахло странно|было не первой свежести}',
      ],
      en: [
        'the {herbs|lettuce|coriander} arrived {wilted|limp|half dead}',
        'tomatoes were {squashed|bruised|going off}, {had to bin them|not usable}',
        'the {cream|chicken|cheese} {expired the next day|was close to its date}',
        'the {fish|meat} {smelled off|did not seem fresh}',
      ],
      bg: [
        '{зеленчуците|салатата|магданозът} {пристигнаха повехнали|бяха увехнали}',
        'доматите бяха {смачкани|развалени}, {изхвърлих ги|не ставаха за ядене}',
        '{рибата|месото} {миришеше странно|не беше прясно}',
      ],
    },
  },
  recipe_variety: {
    tone: 'mixed',
    core: {
      ru: [
        'рецепты {стали повторяться|одни и те же|надоели}, {третий раз паста с курицей|опять ризотто}',
        'хочется {больше вегетарианских блюд|что-то новое|больше азиатской кухни|блюда побыстрее, на 20 минут}',
        'меню недели {скучноватое|однообразное}, {раньше было интереснее|мало выбора для веганов}',
      ],
      en: [
        'recipes {keep repeating|are getting repetitive|feel the same every week}, {chicken pasta again|third risotto this month}',
        'would love {more vegetarian options|something new|more Asian dishes|quicker 20-minute meals}',
        'the weekly menu is {a bit boring|samey} {lately|these days}',
      ],
      bg: [
        'рецептите {се повтарят|са едни и същи}, {пак паста с пиле|отново ризото}',
        'искам {повече вегетариански ястия|нещо ново|по-бързи рецепти}',
      ],
    },
  },
  packaging_waste: {
    tone: 'mixed',
    core: {
      ru: [
        '{слишком много пластика|куча пакетиков|горы упаковки}, {каждый зубчик чеснока в отдельном пакете|мусорное ведро заполняется за вечер}',
        'хотелось бы {забирать коробки и хладоэлементы обратно|перерабатываемую упаковку|меньше пластика}',
        'упаковки {больше, чем еды|слишком много}, {жалко природу|это не экологично}',
      ],
      en: [
        '{so much plastic|way too many little bags|tons of packaging}, {every garlic clove wrapped separately|our bin is full after one box}',
        'please {take the boxes and ice packs back|use recyclable packaging|cut down on plastic}',
        'more packaging than food, {feels wasteful|not very eco}',
      ],
      bg: [
        '{твърде много пластмаса|много опаковки}, {всичко е в отделно пликче|кофата се пълни веднага}',
        'искам {да връщам кутиите и охлаждащите елементи|рециклируема опаковка}',
      ],
    },
  },
  missing_ingredient: {
    tone: 'negative',
    core: {
      ru: [
        'в коробке не было {соуса|лайма|сливок|половины ингредиентов для второго блюда|пармезана}',
        '{забыли положить|не доложили} {мясо для бургеров|специи|лапшу}, рецепт не приготовить',
        'перепутали набор: {вместо курицы положили рыбу|пришёл чужой рецепт}',
      ],
      en: [
        'my box was missing {the sauce|the lime|the cream|half the ingredients for one meal|the parmesan}',
        '{forgot|left out} {the burger patties|the spice mix|the noodles}, could not cook the recipe',
        "wrong kit: {fish instead of chicken|someone else's recipe cards}",
      ],
      bg: [
        'в кутията липсваше {сосът|лаймът|сметаната|пармезанът}',
        '{забравиха|не сложиха} {месото|подправките|нудълсите}, не можах да сготвя рецептата',
      ],
    },
  },
  support_friendly: {
    tone: 'positive',
    core: {
      ru: [
        'поддержка {ответила за пять минут|очень быстро ответила|сразу разобралась}, {вернули деньги за испорченный продукт|дали промокод|всё решили}',
        '{оператор|девушка в чате|Мария из поддержки} {очень вежливая|была супер|помогла без лишних вопросов}',
        'спасибо поддержке: {перенесли доставку за минуту|заменили набор|решили вопрос с оплатой}',
      ],
      en: [
        'support {replied in five minutes|was super quick|sorted it straight away}, {refunded the spoiled item|gave me a voucher|fixed everything}',
        'the {agent|person in chat} was {really kind|lovely|helpful and quick}',
        'thanks to support for {moving my delivery in a minute|replacing the kit|fixing the payment issue}',
      ],
      bg: [
        'поддръжката {отговори за пет минути|реагира много бързо}, {върнаха ми парите|дадоха ми код за отстъпка}',
        '{операторът|момичето в чата} беше {много любезно|супер}',
      ],
    },
  },
  support_slow: {
    tone: 'negative',
    core: {
      ru: [
        'в поддержку {не дозвониться|отвечают через сутки|пишешь — тишина}',
        'чат-бот {ходит по кругу|не понимает вопрос|не даёт позвать человека}',
        'пришлось {три раза|дважды} объяснять одно и то же {разным операторам|в чате и по телефону}',
      ],
      en: [
        'support {takes a day to reply|never picks up|goes silent}',
        "the chatbot {goes in circles|does not understand|won't let me reach a human}",
        'had to explain the same thing {three times|twice} to {different agents|chat and phone}',
      ],
      bg: ['в поддръжката {не може да се свържеш|отговарят след цял ден}', 'чатботът {се върти в кръг|не разбира въпроса}'],
    },
  },
  skip_pause: {
    tone: 'positive',
    core: {
      ru: [
        '{удобно|очень удобно|классно}, что можно {пропустить неделю|поставить подписку на паузу|перенести доставку} в пару кликов',
        'уезжали в отпуск — {поставили паузу|пропустили две доставки} без звонков и уговоров',
      ],
      en: [
        '{love|really like} that I can {skip a week|pause the subscription|move a delivery} in two taps',
        'we went on holiday and {paused|skipped two deliveries} without any hassle',
      ],
      bg: ['{удобно е|много е удобно}, че мога да {пропусна седмица|паузирам абонамента} с два клика'],
    },
  },
  praise: {
    tone: 'positive',
    core: {
      ru: [
        '{очень вкусно|всё очень вкусно|рецепты огонь}, {готовим всей семьёй|дети едят с удовольствием|муж в восторге}',
        '{экономит кучу времени|не надо думать, что приготовить|больше не хожу в магазин по вечерам}',
        '{научилась|научился} готовить {тайское карри|рамен|нормальный стейк} благодаря вашим рецептам',
        'лучший сервис {доставки продуктов|наборов для ужина}, {рекомендую всем друзьям|пользуюсь уже год}',
      ],
      en: [
        '{really tasty|absolutely delicious|recipes are great}, {we cook together as a family|the kids love it|my partner is hooked}',
        '{saves us so much time|no more "what\'s for dinner"|no more evening grocery runs}',
        'learnt to cook {a proper Thai curry|ramen|a decent steak} thanks to your recipes',
        "best meal kit {I've tried|around}, {recommended it to all my friends|been with you for a year}",
      ],
      bg: [
        '{много вкусно|всичко е супер вкусно}, {готвим цялото семейство|децата ядат с удоволствие}',
        '{спестява ни много време|не мисля какво да готвя}',
        'научих се да готвя {тайландско къри|рамен} благодарение на рецептите ви',
      ],
    },
  },
};

const OPENERS: Record<Tone, Record<StoryLanguage, string[]>> = {
  negative: {
    ru: ['Честно, разочарована.', 'Ну что такое.', 'Опять.', 'Добрый день.', 'Ребята,', 'Жаль, но', ''],
    en: ['Honestly disappointed.', 'Not great.', 'Again.', 'Hi,', 'Guys,', ''],
    bg: ['Честно, разочарована съм.', 'Пак.', 'Здравейте,', ''],
  },
  mixed: {
    ru: ['В целом неплохо, но', 'Всё нормально, только', 'Есть пожелание:', ''],
    en: ['Overall fine, but', 'Mostly good, only', 'One suggestion:', ''],
    bg: ['Като цяло добре, но', 'Всичко е наред, само', ''],
  },
  positive: {
    ru: ['Спасибо!', 'Супер!', 'Всё отлично.', 'Обожаю вас!', ''],
    en: ['Thank you!', 'Great!', 'All good.', 'Love it!', ''],
    bg: ['Благодаря!', 'Супер!', 'Всичко е чудесно.', ''],
  },
};

const CLOSERS: Record<Tone, Record<StoryLanguage, string[]>> = {
  negative: {
    ru: ['Если так продолжится — отменю подписку.', 'Исправьте, пожалуйста.', 'Очень неприятно.', 'Думаю уходить.'],
    en: ['If this continues I will cancel.', 'Please fix this.', 'Really frustrating.', 'Thinking of leaving.'],
    bg: ['Ако продължава така, ще се откажа.', 'Моля, оправете това.'],
  },
  mixed: {
    ru: ['А так всё нравится.', 'В остальном спасибо.'],
    en: ['Otherwise happy.', 'Rest is fine.'],
    bg: ['Иначе всичко е добре.'],
  },
  positive: {
    ru: ['Так держать!', 'Спасибо вам!', 'Пять звёзд.'],
    en: ['Keep it up!', 'Thanks a lot!', 'Five stars.'],
    bg: ['Продължавайте така!', 'Благодаря ви!'],
  },
};

const EMOJI: Record<Tone, string[]> = {
  negative: ['😡', '😤', '🙁', '😞', '🤦‍♀️'],
  mixed: ['🤔', '🙂', '😐'],
  positive: ['😍', '👍', '❤️', '🔥', '😊', '🙏'],
};

export const toneOf = (theme: Theme): Tone => TEXTS[theme].tone;

/** Expands `{a|b}` groups, choosing one alternative each. */
export function expand(rng: Prng, template: string): string {
  return template.replace(/\{([^{}]*)\}/g, (_, options: string) => rng.pick(options.split('|')));
}

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** A typo now and then: a doubled or dropped letter, or two letters swapped. */
function typo(rng: Prng, text: string): string {
  const words = text.split(' ');
  const i = rng.int(0, words.length - 1);
  const w = words[i];
  if (w.length < 5) return text;
  const p = rng.int(1, w.length - 3);
  const kind = rng.int(0, 2);
  words[i] =
    kind === 0
      ? w.slice(0, p) + w.slice(p + 1)
      : kind === 1
        ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
        : w.slice(0, p) + w[p] + w.slice(p);
  return words.join(' ');
}

/** One comment about `theme` in `language`, as a customer would write it. */
export function composeComment(rng: Prng, theme: Theme, language: StoryLanguage, options: { short?: boolean } = {}): string {
  const t = TEXTS[theme];
  const parts: string[] = [];
  const opener = rng.chance(options.short ? 0.1 : 0.35) ? rng.pick(OPENERS[t.tone][language]) : '';
  let core = expand(rng, rng.pick(t.core[language]));
  core = opener && !/[,:]$/.test(opener) ? capitalise(core) : opener ? core : capitalise(core);
  if (opener) parts.push(opener);
  const more: string[] = [];
  if (!options.short && t.detail && rng.chance(0.3)) more.push(rng.pick(t.detail[language]));
  if (!options.short && rng.chance(0.25)) more.push(rng.pick(CLOSERS[t.tone][language]));
  // The full stop is often left out at the very end, never between sentences.
  parts.push(core + (more.length > 0 || rng.chance(0.75) ? '.' : ''), ...more);
  let text = parts.join(' ').replace(/\.\./g, '.').replace(/ ,/g, ',');
  if (rng.chance(0.12)) text = typo(rng, text);
  if (rng.chance(0.1)) text = text[0].toLowerCase() + text.slice(1);
  if (rng.chance(0.18)) text = `${text} ${rng.pick(EMOJI[t.tone])}`;
  return text.trim();
}

/** Both surveys and mentions talk about the brand by name now and then. */
export const BRAND = { ru: 'Ужинбокс', en: 'Uzhinbox', bg: 'Uzhinbox' } as const;
