import type { AccountManagersMessages } from './account-managers.en';
import { monthPeriodFieldsBg } from './month-periods';
import { pluralBg } from './plural';

export const accountManagersBg: AccountManagersMessages = {
  title: 'Кой кого загуби',
  intro:
    'Загуби, задържани клиенти, загубени приходи, NPS и отворени случаи на клиентите на всеки акаунт мениджър, точка на контакт или сегмент. Вашето портфолио е първо.',
  link: 'Кой кого загуби',
  filters: {
    label: 'Филтри на отчета за мениджърите',
    ...monthPeriodFieldsBg,
  },
  by: { label: 'Групиране по', manager: 'Акаунт мениджър', touchpoint: 'Точка на контакт', segment: 'Сегмент' },
  byNote: {
    manager: 'Всеки клиент се брои при своя акаунт мениджър.',
    touchpoint: 'Всеки клиент се брои в точката на контакт на последния си случай.',
    segment: 'Всеки запазен сегмент брои своите клиенти; един клиент може да е в няколко.',
  },
  noManager: 'Без акаунт мениджър',
  noTouchpoint: 'Без случай в точка на контакт',
  you: 'вие',
  columns: {
    group: 'Група',
    customers: 'Клиенти',
    losses: 'Загуби',
    lossRate: 'Дял на загубите',
    saves: 'Задържани',
    moneyLost: 'Загуби (MRR)',
    nps: 'NPS',
    openCases: 'Отворени случаи',
  },
  savesDetail: (offers: number, warnings: number) =>
    `${offers} ${pluralBg(offers, 'отказ, спрян', 'отказа, спрени')} с оферта, ${warnings} ${pluralBg(warnings, 'снето предупреждение', 'снети предупреждения')}`,
  npsDetail: (n: number) => `${n} ${pluralBg(n, 'отговор', 'отговора')}`,
  chart: {
    title: 'Загуби и задържани',
    losses: 'Загуби',
    saves: 'Задържани',
    summary: (groups: number) => `Стълбовидна диаграма на загубите и задържаните в ${groups} групи`,
  },
  empty: 'Няма какво да се покаже за този период.',
  csv: 'отчет за мениджърите',
  picker: {
    label: 'Акаунт мениджър',
    none: 'Без акаунт мениджър',
    saved: 'Акаунт мениджърът е запазен.',
  },
  bulk: {
    open: 'Задай мениджър',
    title: 'Задаване на акаунт мениджър',
    intro: (n: number) => `${n} ${pluralBg(n, 'клиент', 'клиенти')} на тази страница ще получат този акаунт мениджър.`,
    submit: 'Задай',
    done: (n: number) => `Мениджърът е зададен на ${n} ${pluralBg(n, 'клиент', 'клиенти')}.`,
  },
};
