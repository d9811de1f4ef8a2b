import type { AccountManagersMessages } from './account-managers.en';
import { monthPeriodFieldsRu } from './month-periods';
import { pluralRu } from './plural';

export const accountManagersRu: AccountManagersMessages = {
  title: 'Кто кого потерял',
  intro:
    'Потери, удержания, потерянная выручка, NPS и открытые обращения клиентов каждого менеджера, точки контакта или сегмента. Ваш собственный портфель — первым.',
  link: 'Кто кого потерял',
  filters: {
    label: 'Фильтры отчёта по менеджерам',
    ...monthPeriodFieldsRu,
  },
  by: { label: 'Группировать по', manager: 'Менеджер клиента', touchpoint: 'Точка контакта', segment: 'Сегмент' },
  byNote: {
    manager: 'Каждый клиент учитывается у своего менеджера.',
    touchpoint: 'Каждый клиент учитывается в точке контакта своего последнего обращения.',
    segment: 'Каждый сохранённый сегмент считает своих клиентов; клиент может входить в несколько.',
  },
  noManager: 'Без менеджера',
  noTouchpoint: 'Без обращений в точках контакта',
  you: 'вы',
  columns: {
    group: 'Группа',
    customers: 'Клиенты',
    losses: 'Потери',
    lossRate: 'Доля потерь',
    saves: 'Удержания',
    moneyLost: 'Потери (MRR)',
    nps: 'NPS',
    openCases: 'Открытые обращения',
  },
  savesDetail: (offers: number, warnings: number) =>
    `${offers} ${pluralRu(offers, 'отмена удержана', 'отмены удержаны', 'отмен удержано')} предложением, ${warnings} ${pluralRu(warnings, 'предупреждение снято', 'предупреждения сняты', 'предупреждений снято')}`,
  npsDetail: (n: number) => `${n} ${pluralRu(n, 'ответ', 'ответа', 'ответов')}`,
  chart: {
    title: 'Потери и удержания',
    losses: 'Потери',
    saves: 'Удержания',
    summary: (groups: number) => `Столбчатая диаграмма потерь и удержаний, групп: ${groups}`,
  },
  empty: 'За этот период показать нечего.',
  csv: 'отчёт по менеджерам',
  picker: {
    label: 'Менеджер клиента',
    none: 'Без менеджера',
    saved: 'Менеджер сохранён.',
  },
  bulk: {
    open: 'Назначить менеджера',
    title: 'Назначить менеджера клиентам',
    intro: (n: number) => `${n} ${pluralRu(n, 'клиент', 'клиента', 'клиентов')} на этой странице получат этого менеджера.`,
    submit: 'Назначить',
    done: (n: number) => `Менеджер назначен: ${n} ${pluralRu(n, 'клиент', 'клиента', 'клиентов')}.`,
  },
};
