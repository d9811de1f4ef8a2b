import type { Prng } from './prng';

export type StoryLanguage = 'ru' | 'en' | 'bg';

/** Customers' languages: mostly Russian, then English, some Bulgarian. */
export const LANGUAGE_WEIGHTS: Record<StoryLanguage, number> = { ru: 0.6, en: 0.25, bg: 0.15 };

interface NameList {
  male: string[];
  female: string[];
  /** Surnames: [male form, female form]. */
  last: [string, string][];
  /**
   * Mail domains under the reserved .example top-level domain (RFC 2606), named after the providers people use: the
   * demo queues case replies and survey invitations to its customers, and a demo started with SMTP_URL must never
   * write to a real mailbox.
   */
  domains: string[];
}

const NAMES: Record<StoryLanguage, NameList> = {
  ru: {
    male: [
      'Александр',
      'Дмитрий',
      'Максим',
      'Сергей',
      'Андрей',
      'Алексей',
      'Артём',
      'Илья',
      'Кирилл',
      'Михаил',
      'Никита',
      'Роман',
      'Егор',
      'Павел',
      'Иван',
      'Владимир',
      'Тимур',
      'Денис',
      'Олег',
      'Григорий',
      'Константин',
      'Евгений',
    ],
    female: [
      'Анна',
      'Мария',
      'Елена',
      'Ольга',
      'Наталья',
      'Екатерина',
      'Татьяна',
      'Ирина',
      'Юлия',
      'Светлана',
      'Анастасия',
      'Дарья',
      'Полина',
      'Ксения',
      'Алина',
      'Виктория',
      'Софья',
      'Марина',
      'Вера',
      'Людмила',
      'Евгения',
      'Надежда',
    ],
    last: [
      ['Иванов', 'Иванова'],
      ['Смирнов', 'Смирнова'],
      ['Кузнецов', 'Кузнецова'],
      ['Попов', 'Попова'],
      ['Васильев', 'Васильева'],
      ['Петров', 'Петрова'],
      ['Соколов', 'Соколова'],
      ['Михайлов', 'Михайлова'],
      ['Новиков', 'Новикова'],
      ['Фёдоров', 'Фёдорова'],
      ['Морозов', 'Морозова'],
      ['Волков', 'Волкова'],
      ['Алексеев', 'Алексеева'],
      ['Лебедев', 'Лебедева'],
      ['Семёнов', 'Семёнова'],
      ['Егоров', 'Егорова'],
      ['Павлов', 'Павлова'],
      ['Козлов', 'Козлова'],
      ['Степанов', 'Степанова'],
      ['Николаев', 'Николаева'],
      ['Орлов', 'Орлова'],
      ['Андреев', 'Андреева'],
      ['Макаров', 'Макарова'],
      ['Никитин', 'Никитина'],
      ['Захаров', 'Захарова'],
      ['Зайцев', 'Зайцева'],
      ['Соловьёв', 'Соловьёва'],
      ['Борисов', 'Борисова'],
      ['Яковлев', 'Яковлева'],
      ['Григорьев', 'Григорьева'],
    ],
    domains: ['yandex.example', 'mailru.example', 'gmail.example', 'bk.example', 'inbox.example', 'rambler.example'],
  },
  en: {
    male: [
      'James',
      'Oliver',
      'Jack',
      'Harry',
      'George',
      'Noah',
      'Leo',
      'Daniel',
      'Thomas',
      'Samuel',
      'Michael',
      'David',
      'Ryan',
      'Adam',
      'Lucas',
      'Ethan',
    ],
    female: [
      'Olivia',
      'Emma',
      'Amelia',
      'Isla',
      'Sophie',
      'Grace',
      'Emily',
      'Chloe',
      'Lucy',
      'Hannah',
      'Charlotte',
      'Jessica',
      'Ella',
      'Mia',
      'Laura',
      'Rachel',
    ],
    last: [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Williams',
      'Wilson',
      'Johnson',
      'Davies',
      'Robinson',
      'Wright',
      'Thompson',
      'Evans',
      'Walker',
      'White',
      'Roberts',
      'Green',
      'Hall',
      'Wood',
      'Jackson',
      'Clarke',
    ].map((n) => [n, n] as [string, string]),
    domains: ['gmail.example', 'outlook.example', 'yahoo.example', 'icloud.example', 'proton.example'],
  },
  bg: {
    male: ['Георги', 'Иван', 'Димитър', 'Николай', 'Петър', 'Христо', 'Стефан', 'Тодор', 'Васил', 'Александър', 'Мартин', 'Калоян'],
    female: [
      'Мария',
      'Елена',
      'Иванка',
      'Десислава',
      'Радостина',
      'Гергана',
      'Цветелина',
      'Йорданка',
      'Виктория',
      'Надежда',
      'Петя',
      'Теодора',
    ],
    last: [
      ['Иванов', 'Иванова'],
      ['Георгиев', 'Георгиева'],
      ['Димитров', 'Димитрова'],
      ['Петров', 'Петрова'],
      ['Николов', 'Николова'],
      ['Христов', 'Христова'],
      ['Стоянов', 'Стоянова'],
      ['Тодоров', 'Тодорова'],
      ['Илиев', 'Илиева'],
      ['Василев', 'Василева'],
      ['Атанасов', 'Атанасова'],
      ['Петков', 'Петкова'],
      ['Ангелов', 'Ангелова'],
      ['Колев', 'Колева'],
      ['Маринов', 'Маринова'],
    ],
    domains: ['abv.example', 'gmail.example', 'mailbg.example', 'dir.example'],
  },
};

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sht',
  ъ: 'a',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export const transliterate = (text: string): string =>
  [...text.toLowerCase()]
    .map((ch) => TRANSLIT[ch] ?? ch)
    .join('')
    .replace(/[^a-z0-9]/g, '');

export interface PersonName {
  first: string;
  last: string;
  full: string;
  email: string;
}

/** A person of that language: first and last name (the right gender form) and a plausible address. */
export function personName(rng: Prng, language: StoryLanguage, serial: number): PersonName {
  const list = NAMES[language];
  const female = rng.chance(0.55);
  const first = rng.pick(female ? list.female : list.male);
  const [male, fem] = rng.pick(list.last);
  const last = female ? fem : male;
  const f = transliterate(first);
  const l = transliterate(last);
  const local = rng.pick([`${f}.${l}`, `${f}${l}${serial % 100}`, `${f[0]}.${l}`, `${l}.${f}`, `${f}_${l}${1970 + (serial % 35)}`]);
  return { first, last, full: `${first} ${last}`, email: `${local}@${rng.pick(list.domains)}` };
}

/** A social handle for a mention author. */
export function handle(rng: Prng, language: StoryLanguage): string {
  const p = personName(rng, language, rng.int(1, 99));
  const f = transliterate(p.first);
  const l = transliterate(p.last);
  return rng.pick([
    `${f}_${l}`,
    `${f}${rng.int(1, 999)}`,
    `${l}.${f[0]}`,
    `${f}${l[0]}${rng.int(70, 99)}`,
    `${l}_official`.replace('_official', `_${rng.int(1, 9)}`),
  ]);
}
