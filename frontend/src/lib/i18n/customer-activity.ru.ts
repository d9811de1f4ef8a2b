import type { CustomerActivityMessages } from './customer-activity.en';
import { pluralRu } from './plural';

/** Строки поведения и RFM (подключены как `customerActivity` в ru.ts). */
export const customerActivityRu: CustomerActivityMessages = {
  groups: {
    champions: 'Чемпионы',
    loyal: 'Лояльные',
    potential: 'Перспективные',
    new: 'Новые',
    at_risk: 'В зоне риска',
    cant_lose: 'Нельзя потерять',
    hibernating: 'Спящие',
    lost: 'Потерянные',
  },
  rfm: {
    title: 'RFM: давность, частота, деньги',
    intro:
      'Клиенты с заказом за последние 365 дней, оценённые от 1 до 5 относительно друг друга: как давно заказывали (строки), как часто (столбцы) и сколько потратили. Выберите ячейку или группу, чтобы увидеть её клиентов.',
    empty: 'Оценок пока нет: для RFM нужны заказы. Передайте их через API активности или загрузите CSV.',
    gridLabel: 'Клиенты по оценкам давности и частоты',
    groupsLabel: 'Группы RFM',
    recencyAxis: 'Давность 5 → 1',
    frequencyAxis: 'Частота 1 → 5',
    meanMoney: 'в среднем',
    all: 'Все группы',
    cellLabel: (recency: number, frequency: number, customers: number, group: string) =>
      `Давность ${recency}, частота ${frequency}: ${customers} ${pluralRu(customers, 'клиент', 'клиента', 'клиентов')} (${group})`,
    scoredAt: (at: string, customers: string) => `Рассчитано ${at}, клиентов с заказами: ${customers}.`,
  },
  profile: {
    title: 'Поведение',
    recency: 'Давность',
    frequency: 'Частота',
    monetary: 'Деньги',
    noScores: 'Оценок RFM нет: за последние 365 дней заказов не было.',
    recent: 'Последние заказы, платежи и входы',
    noActivity: 'Активность пока не передавалась.',
    kinds: { order: 'Заказ', payment: 'Платёж', login: 'Вход', event: 'Событие' },
  },
};
