import type { ChurnMessages } from './churn.en';
import { pluralBg } from './plural';
import { monthPeriodFieldsBg } from './month-periods';

/** Низове на страницата „Отлив“ (включени като `churn` в bg.ts). */
export const churnBg: ChurnMessages = {
  title: 'Отлив',
  intro: 'Кой напуска, защо и колко струва това: прекратявания, тих отлив и задържани клиенти.',
  filters: {
    label: 'Филтри за отлива',
    ...monthPeriodFieldsBg,
    segment: 'Сегмент',
    plan: 'План',
    anySegment: 'Всички сегменти',
    anyPlan: 'Всички планове',
    filterNote: 'Сегментът и планът филтрират графиките с причините.',
  },
  kpi: {
    label: 'Основни показатели за отлива',
    churnRate: 'Отлив на клиенти',
    churnDetail: (lost: string, atStart: string, atStartCount: number) =>
      `${lost} от ${atStart} ${pluralBg(atStartCount, 'клиент', 'клиенти')} в началото на периода`,
    churnHelp:
      'За целия период: клиентите, които прекратиха ÷ клиентите в началото му. Новите клиенти през периода не влизат в нито едно от двете числа, затова това не е сборът на месечните стойности по-долу.',
    revenueChurn: 'Отлив на приходи',
    revenueDetail: (lost: string, atStart: string) => `${lost} от ${atStart} MRR`,
    saveRate: 'Дял на задържаните',
    saveDetail: (saved: string, flows: string, flowCount: number) =>
      `задържани: ${saved} от ${flows} ${pluralBg(flowCount, 'завършен опит', 'завършени опита')} за прекратяване`,
    saveHelp: 'Броят се опитите за прекратяване, не клиентите: опити, след които клиентът остана ÷ завършени опити.',
    revenueSaved: 'Запазени приходи',
    revenueSavedDetail: 'MRR, запазен чрез приети оферти',
    moneyLost: 'Загуби от отлива',
    moneyLostDetail: (lost: string, check: string, purchases: string, lostCount: number) =>
      `${lost} ${pluralBg(lostCount, 'клиент', 'клиенти')} × ${check} × ${purchases} покупки`,
    moneyLostHint: 'За бизнеси без абонаменти: въведете средната стойност на покупка и броя покупки на клиент за периода.',
    averageCheck: 'Средна стойност на покупка',
    purchases: 'Покупки за периода',
    silentChurn: (n: string) => `вкл. ${n} загубени поради неактивност`,
    sleeping: 'Неактивни клиенти',
    sleepingDetail: (days: string) => `без активност от ${days}+ дни: върнете ги`,
    sleepingCsv: 'Изтегли списъка (CSV)',
    noData: 'Няма данни',
    noBase: 'Няма клиенти в началото на периода',
  },
  reasons: {
    title: 'Причини във времето',
    intro: 'Всеки дял е изчислен спрямо процесите на прекратяване, в които е предложена съответната причина.',
    counts: 'Брой',
    shares: 'Дялове',
    view: 'Покажи',
    empty: 'Няма прекратявания през този период.',
    chartSummary: (months: number, reasons: number) =>
      `Натрупана стълбовидна диаграма на ${reasons} ${pluralBg(reasons, 'причина', 'причини')} за прекратяване за ${months} ${pluralBg(months, 'месец', 'месеца')}. Същите числа са в таблицата по-долу.`,
    showTable: 'Покажи като таблица',
    month: 'Месец',
    total: 'Общо',
    totals: 'Целият период',
    notOffered: 'не е предложена',
    cellValue: (count: string, percent: string) => `${count} (${percent})`,
    clickHint: 'Изберете причина, за да прочетете какво са написали клиентите.',
    readComments: (label: string) => `Прочети коментарите: ${label}`,
  },
  avoidable: {
    title: 'Предотвратим и непредотвратим отлив',
    avoidable: 'Предотвратим',
    unavoidable: 'Непредотвратим',
    unknown: 'Некласифициран',
    chartSummary: (avoidable: string, unavoidable: string) =>
      `Натрупана стълбовидна диаграма по месеци. За целия период: предотвратими ${avoidable}, непредотвратими ${unavoidable}.`,
    empty: 'Няма прекратявания през този период.',
  },
  breakdown: {
    title: 'Причини по групи',
    by: 'Групиране по',
    dimensions: { segment: 'Сегмент', plan: 'План', touchpoint: 'Точка на контакт' },
    group: 'Група',
    none: 'Не е зададено',
    total: 'Прекратявания',
    empty: 'Няма прекратявания през този период.',
  },
  comments: {
    title: 'Какво са написали клиентите',
    pick: 'Изберете причина в легендата на графиката или в таблицата, за да видите последните коментари за нея.',
    reason: 'Причина',
    empty: 'Няма коментари за тази причина през периода.',
    outcomes: { saved: 'Задържан', cancelled: 'Прекратил' },
    anonymous: 'Анонимен',
  },
  cohorts: {
    title: 'Задържане по месец на първо посещение',
    intro: (days: string, dayCount: number) =>
      `Дял на новите клиенти от всеки месец, които са все още с вас в края на всеки следващ месец; текущият месец показва дела досега (в курсив). Загубен = прекратил (от месеца на прекратяването) или неактивен ${days} ${pluralBg(dayCount, 'ден', 'дни')}.`,
    soFar: 'досега',
    cohort: 'Кохорта',
    size: 'Клиенти',
    offset: (k: number) => `Месец ${k}`,
    notYet: 'още не е приключил',
    empty: 'През този период няма клиенти с първо посещение.',
    cellLabel: (cohort: string, k: number, percent: string, retained: string) =>
      `${cohort}, месец ${k}: задържани ${percent} (${retained})`,
  },
  funnel: {
    title: 'Етапи на фунията',
    intro: 'Клиентите според етапа, на който са, и загубените през периода клиенти по причина.',
    status: 'Статус',
    customers: 'Клиенти',
    lostInPeriod: 'Загубени през периода',
    reasons: 'Причини',
    statuses: {
      new: 'Нови, още без покупка',
      one_purchase: 'Купили веднъж или два пъти',
      repeat: 'Редовни (3+ покупки)',
      lost_early: 'Загубени рано',
      lost_after_one_purchase: 'Загубени след една покупка',
      lost_after_long_cooperation: 'Загубени след дълго сътрудничество',
    },
    inactive: 'Станали неактивни',
    unknown: 'Неизвестно',
  },
  trend: {
    title: 'Месечна тенденция',
    intro:
      'Всеки месец поотделно: прекратилите през месеца ÷ клиентите в началото му. Тук се броят само прекратяванията; кохортите и загубените пари броят и загубените поради неактивност.',
    month: 'Месец',
    churn: 'Отлив на клиенти',
    revenue: 'Отлив на приходи',
    save: 'Дял на задържаните',
    partial: 'досега',
  },
  csv: 'CSV',
  csvLabel: (what: string) => `Изтегли „${what}“ като CSV`,
  retry: 'Опитай отново',
};
