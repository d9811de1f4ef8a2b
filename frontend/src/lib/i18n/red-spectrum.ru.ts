import type { RedSpectrumMessages } from './red-spectrum.en';
import { monthPeriodFieldsRu } from './month-periods';
import { pluralRu } from './plural';

export const redSpectrumRu: RedSpectrumMessages = {
  title: 'Из-за чего мы теряем постоянных клиентов',
  intro:
    'Клиенты в красных статусах по причине ухода: причина из сценария отмены, иначе причина оттока в закрытом обращении, иначе их последний негативный отзыв.',
  filters: {
    label: 'Фильтры красного спектра',
    ...monthPeriodFieldsRu,
  },
  statuses: {
    red_green: 'Красно-зелёный',
    red_gold: 'Красно-золотой',
    red_platinum: 'Красно-платиновый',
  },
  statusHelp: {
    red_green: 'отказался от предложения',
    red_gold: 'перестал покупать после нескольких заказов',
    red_platinum: 'ушёл после долгого сотрудничества',
  },
  totals: {
    label: 'Итоги красного спектра',
    all: 'Все красные клиенты',
    customers: (n: number, formatted: string) => `${formatted} ${pluralRu(n, 'клиент', 'клиента', 'клиентов')}`,
    share: (share: string) => `${share} красных`,
    money: (money: string) => `потеряно ${money} MRR`,
  },
  reasons: {
    unknown: 'Причина неизвестна',
    cluster: (name: string) => `Жалобы: ${name}`,
    survey: (name: string) => `Низкая оценка в опросе «${name}»`,
  },
  heatmap: {
    title: 'Красный статус × причина ухода',
    intro: 'Клиенты и их доля в статусе. Выберите ячейку, чтобы увидеть, кто это.',
    reason: 'Причина ухода',
    total: 'Всего',
    moneyLost: 'Потери (MRR)',
    cell: (n: number, share: string) => `${n} · ${share}`,
    cellLabel: (status: string, reason: string, n: number, share: string) =>
      `${status}, ${reason}: ${n} ${pluralRu(n, 'клиент', 'клиента', 'клиентов')}, ${share} статуса`,
    empty: 'За этот период ни один клиент не перешёл в красный статус.',
  },
  money: {
    title: 'Потери по красным статусам',
    intro: 'Ежемесячная выручка (MRR) из карточек потерянных клиентов.',
    chart: (n: number) => `Столбчатая диаграмма потерь по ${n} красным статусам`,
  },
  trend: {
    title: 'Переходы в красные статусы по месяцам',
    intro: 'Сколько клиентов перешло в красный статус за месяц, по причинам ухода.',
    status: 'Статус',
    allStatuses: 'Все красные статусы',
    month: 'Месяц',
    showTable: 'Показать таблицей',
    chart: (months: number, reasons: number) => `Столбчатая диаграмма с накоплением: месяцев — ${months}, причин — ${reasons}`,
    empty: 'За этот период переходов в красные статусы не было.',
  },
  drill: {
    title: 'Клиенты в выбранной ячейке',
    pick: 'Выберите ячейку таблицы выше, чтобы увидеть её клиентов.',
    customer: 'Клиент',
    status: 'Статус',
    reason: 'Причина ухода',
    money: 'MRR',
    when: 'Стал красным',
    profile: 'Карточка',
    timeline: 'История',
    more: 'Показать ещё',
    clear: 'Сбросить',
    empty: 'Здесь нет клиентов.',
  },
  csvReport: 'красный спектр',
  csvCustomers: 'клиенты ячейки',
};
