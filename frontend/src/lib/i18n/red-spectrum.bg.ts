import type { RedSpectrumMessages } from './red-spectrum.en';
import { monthPeriodFieldsBg } from './month-periods';
import { pluralBg } from './plural';

export const redSpectrumBg: RedSpectrumMessages = {
  title: 'Заради какво губим дългогодишните си клиенти',
  intro:
    'Клиентите в червените статуси според причината да си тръгнат: причината от сценария за отказ, иначе причината за отлив в приключения им случай, иначе последната им негативна обратна връзка.',
  filters: {
    label: 'Филтри на червения спектър',
    ...monthPeriodFieldsBg,
  },
  statuses: {
    red_green: 'Червено-зелен',
    red_gold: 'Червено-златен',
    red_platinum: 'Червено-платинен',
  },
  statusHelp: {
    red_green: 'отказал предложението',
    red_gold: 'спрял след няколко поръчки',
    red_platinum: 'спрял след дълго сътрудничество',
  },
  totals: {
    label: 'Общо за червения спектър',
    all: 'Всички червени клиенти',
    customers: (n: number, formatted: string) => `${formatted} ${pluralBg(n, 'клиент', 'клиенти')}`,
    share: (share: string) => `${share} от червените`,
    money: (money: string) => `${money} загубен MRR`,
  },
  reasons: {
    unknown: 'Неизвестна причина',
    cluster: (name: string) => `Оплаквания: ${name}`,
    survey: (name: string) => `Ниска оценка в „${name}“`,
  },
  heatmap: {
    title: 'Червен статус × причина за отлив',
    intro: 'Клиенти и делът им в статуса. Изберете клетка, за да видите кои са.',
    reason: 'Причина за отлив',
    total: 'Общо',
    moneyLost: 'Загуби (MRR)',
    cell: (n: number, share: string) => `${n} · ${share}`,
    cellLabel: (status: string, reason: string, n: number, share: string) =>
      `${status}, ${reason}: ${n} ${pluralBg(n, 'клиент', 'клиенти')}, ${share} от статуса`,
    empty: 'През този период нито един клиент не е преминал в червен статус.',
  },
  money: {
    title: 'Загуби по червени статуси',
    intro: 'Месечните приходи (MRR) от картите на загубените клиенти.',
    chart: (n: number) => `Стълбовидна диаграма на загубите в ${n} червени статуса`,
  },
  trend: {
    title: 'Клиенти, станали червени, по месеци',
    intro: 'Преминавания в червен статус всеки месец, натрупани по причина за отлив.',
    status: 'Статус',
    allStatuses: 'Всички червени статуси',
    month: 'Месец',
    showTable: 'Покажи като таблица',
    chart: (months: number, reasons: number) => `Натрупана стълбовидна диаграма: ${months} месеца, ${reasons} причини`,
    empty: 'През този период няма преминавания в червен статус.',
  },
  drill: {
    title: 'Клиентите зад клетката',
    pick: 'Изберете клетка от таблицата горе, за да видите клиентите ѝ.',
    customer: 'Клиент',
    status: 'Статус',
    reason: 'Причина за отлив',
    money: 'MRR',
    when: 'Станал червен',
    profile: 'Профил',
    timeline: 'История',
    more: 'Покажи още',
    clear: 'Изчисти',
    empty: 'Тук няма клиенти.',
  },
  csvReport: 'червен спектър',
  csvCustomers: 'клиентите на клетката',
};
