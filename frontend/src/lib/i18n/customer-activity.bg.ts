import type { CustomerActivityMessages } from './customer-activity.en';
import { pluralBg } from './plural';

/** Низове за поведение и RFM (включени като `customerActivity` в bg.ts). */
export const customerActivityBg: CustomerActivityMessages = {
  groups: {
    champions: 'Шампиони',
    loyal: 'Лоялни',
    potential: 'Перспективни',
    new: 'Нови',
    at_risk: 'В риск',
    cant_lose: 'Не бива да загубим',
    hibernating: 'Заспали',
    lost: 'Загубени',
  },
  rfm: {
    title: 'RFM: давност, честота, пари',
    intro:
      'Клиенти с поръчка през последните 365 дни, оценени от 1 до 5 един спрямо друг: колко скоро са поръчвали (редове), колко често (колони) и колко са похарчили. Изберете клетка или група, за да видите клиентите ѝ.',
    empty: 'Още няма оценки: за RFM са нужни поръчки. Изпратете ги през API за активност или качете CSV.',
    gridLabel: 'Клиенти по оценка за давност и честота',
    groupsLabel: 'RFM групи',
    recencyAxis: 'Давност 5 → 1',
    frequencyAxis: 'Честота 1 → 5',
    meanMoney: 'средно',
    all: 'Всички групи',
    cellLabel: (recency: number, frequency: number, customers: number, group: string) =>
      `Давност ${recency}, честота ${frequency}: ${customers} ${pluralBg(customers, 'клиент', 'клиента')} (${group})`,
    scoredAt: (at: string, customers: string) => `Изчислено ${at}, клиенти с поръчки: ${customers}.`,
  },
  profile: {
    title: 'Поведение',
    recency: 'Давност',
    frequency: 'Честота',
    monetary: 'Пари',
    noScores: 'Няма RFM оценки: няма поръчки през последните 365 дни.',
    recent: 'Последни поръчки, плащания и влизания',
    noActivity: 'Все още няма подадена активност.',
    kinds: { order: 'Поръчка', payment: 'Плащане', login: 'Влизане', event: 'Събитие' },
  },
};
