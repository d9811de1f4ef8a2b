/**
 * Function words per language, dropped before stemming. Hand-kept and short on purpose:
 * negations ("not", "не", "nicht") and content-bearing adverbs ("still", "again") stay in,
 * because complaints turn on them ("card still not arrived").
 */
/** The languages with a stop-word list; 'none' for texts in another script. */
export type StopWordLanguage = 'en' | 'ru' | 'de' | 'bg' | 'none';

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

const EN = words(`
a an the and or but if then than so as of at by for from in into on onto to with without about over under
i me my mine myself we us our ours you your yours he him his she her hers it its they them their theirs
this that these those there here what which who whom whose when where why how
am is are was were be been being do does did doing done have has had having will would shall should can could may might must
just also too very really please thanks thank hi hello hey dear ok okay yes yeah
some any each every all both either neither other another such own same
im ive id youre its dont doesnt didnt cant wont isnt arent wasnt hasnt havent
s t d ll m re ve
`);

const RU = words(`
и а но или да же ли бы б то ни вот ведь уж уже еще ну
я мы ты вы он она оно они меня мне мной нас нам нами тебя тебе тобой вас вам вами его ему им ее ей ею их ими
мой моя мое мои моего моей моих мою твой твоя твое твои наш наша наше наши ваш ваша ваше ваши свой своя свое свои своего своей своих
этот эта это эти этого этой этих этому этим тот та те того той тех тому там тут здесь
в во на с со к ко о об обо от до по за из изо у при про для под над без через между перед после около
что чтобы как так также тоже когда где куда откуда почему зачем кто который которая которое которые которого которой
быть был была было были есть будет будут буду является
все всё весь вся всех всем всего сам сама сами само
здравствуйте добрый день вечер утро привет спасибо пожалуйста подскажите скажите
`);

const DE = words(`
der die das den dem des ein eine einer eines einem einen und oder aber wenn dann als wie so zu zum zur
ich mich mir mein meine meinen meinem meiner wir uns unser unsere du dich dir dein deine er ihn ihm sie ihr ihre es sein seine
in im an am auf aus bei mit nach von vom vor über unter für durch um bis ohne gegen
ist sind war waren bin bist sein haben hat habe hatte hatten wird werden wurde wurden kann können könnte muss soll sollte
dass was wer wo wann warum welche welcher welches dies diese dieser dieses hier da auch noch schon
bitte danke hallo guten tag
`);

const BG = words(`
и а но или да ли то ще би бе е са съм си сме сте беше бяха
аз ние ти вие той тя то те мен мене ме ми нас ни теб тебе те ти вас ви него го му нея я ѝ тях ги им
мой моя мое мои твой твоя наш наша наше наши ваш ваша ваше ваши свой своя свое свои
този тази това тези онзи онази онова онези там тук
в във на с със към за от до по при през между пред след около без под над
че как какво кога къде защо кой коя кое кои който която което които
всички всеки всяка всяко също вече още
здравейте здравей добър ден благодаря моля
`);

const BY_LANGUAGE: Record<StopWordLanguage, ReadonlySet<string>> = { en: EN, ru: RU, de: DE, bg: BG, none: new Set() };

/** The stop words of one language (an empty set for languages we only tokenize). */
export function stopWords(language: StopWordLanguage): ReadonlySet<string> {
  return BY_LANGUAGE[language];
}

/** True when the token is a stop word in the given language. */
export function isStopWord(token: string, language: StopWordLanguage): boolean {
  return BY_LANGUAGE[language].has(token);
}

/** Negations: kept in the token stream (they make phrases such as "not arrived"), but no feature on their own. */
const NEGATIONS = new Set(['not', 'no', 'never', 'не', 'нет', 'ни', 'nicht', 'kein', 'keine', 'keinen', 'няма']);

export function isNegation(token: string): boolean {
  return NEGATIONS.has(token);
}
