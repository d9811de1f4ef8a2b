/**
 * Evidence tables for the language detector: function words that tell the languages apart.
 * Written by us from grammar references; only words frequent in short social posts are listed,
 * and a word shared by several languages is listed under each, so it tells nothing.
 */

export type CyrillicLanguage = 'ru' | 'bg' | 'uk';
export type LatinLanguage = 'en' | 'de';

function weights<L extends string>(lists: Record<L, string>): Map<string, Partial<Record<L, number>>> {
  const table = new Map<string, Partial<Record<L, number>>>();
  for (const language of Object.keys(lists) as L[]) {
    for (const word of lists[language].split(/\s+/).filter(Boolean)) {
      const entry: Partial<Record<L, number>> = table.get(word) ?? {};
      entry[language] = 1;
      table.set(word, entry);
    }
  }
  return table;
}

export const CYRILLIC_WORDS = weights<CyrillicLanguage>({
  ru: `что чтобы это этот эта эти этого этом этой как так все всё всех его ее она они оно мы вы был была было были
    уже только очень меня мне мной тебя тебе когда если или бы же еще ещё нет есть мой моя мое мои вот теперь тоже
    себя который которая которые где почему спасибо сегодня можно нужно надо хорошо просто сейчас вообще ничего никто
    всегда опять снова даже через после при про для из над будет буду быть может могу хочу хотя потому чем тем тут
    здесь куда кто какой какая какие ну ага блин вас нас им их ему ей к у я ты вам нам пока уж вместо день раз
    деньги заказ заказал заказала привезли курьер время ответ человек люди говорят сказали`,
  bg: `е са съм си сме сте че какво това този тази тези който която които което ще във със към след беше бяха бях
    няма има нещо нищо защо кога къде тук сега днес вече най ги му ѝ мен теб мога можеш може трябва благодаря добре
    лошо хубаво страхотно още също наистина обаче изобщо пак ами абе бе аз ти той тя те ние вие тях нея какъв каква
    какви колко искам искаш иска дори само защото понеже докато винаги никога всички всичко всеки всяка така ден
    хора човек пари лв лева поръчка поръчах куриер обслужване отговор време нов нова ново как здравейте здравей
    здрасти някой някоя някое някакъв ползва ползвам ползвате яко работи става стана харесва хареса купих пратка
    хубав хубава лош лоша бърз бърза бавен бавна евтино скъпо днеска утре моля мерси еми ей ако ама чакам чака чакане чакахме
    обслужване плащане пазаруване`,
  uk: `і й та що це цей ця ці як дуже але від ви він вона вони воно був була було були є має немає нема дякую мене
    мені тебе коли щоб якщо або який яка яке які чи вже ще тільки зараз сьогодні можна треба добре погано з із до
    свій своє мій моя наш ваш їх його її тому бо навіть завжди ніколи нічого ніхто чому де куди хто знову після через
    без для при між лише теж також замовлення гроші грн гривень привіт я ти у так тут чекаю поки кава нова пошта
    будь ласка гарно гарний щось вони нам вам монобанк приватбанк київстар розетка укрпошта дуже знову тиждень тижні тижня
    хвилин хвилини годину добу`,
});

export const LATIN_WORDS = weights<LatinLanguage>({
  en: `the and is are was were not i you it a an to of in for with on my this that have has had very but so just no
    what why they we be been can will would don't doesn't didn't it's i'm can't won't isn't wasn't thanks thank love
    great good bad from at your our me get got again never still only all how when there their them he she his her
    did do does if or out up about after before because really best worst ever any some more than new order ordered
    delivery service customer support app account refund waiting who which now today yesterday week time day`,
  de: `der die das und ist nicht ich sie es ein eine einen einem zu mit auf für von den dem des sehr auch aber wir
    mir mich war hat haben wird noch nur schon kein keine gut schlecht danke bitte heute immer wie was wenn dass bei
    aus nach oder mal jetzt alles leider toll wieder warum weil seit wurde habe hatte bin sind ganz echt mein meine
    meinen unser euch ihr ihre kann könnt muss dann doch denn gibt geht bestellt bestellung lieferung kunden
    kundenservice paket woche tage seit gestern nie niemand nichts diese dieser dieses jemand zusammen hallo
    nutzt gibt kaufen bestellen geliefert ja nein hier morgen schnell langsam teuer billig kalt neue neuen zurück
    funktioniert geld laden dank vielen`,
});
