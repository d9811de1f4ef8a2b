import type { UiFitMessages } from './ui-fit.en';

export const uiFitRu: UiFitMessages = {
  scrollHint: 'Прокрутите вбок →',
  sla: {
    legendTitle: 'Как работают цели',
    legend:
      'Каждая цель — число часов (0,5 = 30 минут, 24 = сутки). Пустое поле наследует значение: сначала из «Любой канал» того же приоритета, затем из того же канала в «Любой приоритет», затем из «Любой приоритет · Любой канал». Введите 0, если цели нет.',
    anyPriority: 'Любой приоритет',
    setCount: (n: number) => `задано целей: ${n}`,
    firstResponse: 'Первый ответ',
    resolution: 'Решение',
    hours: 'ч',
    inherits: (value: string) => `наследует ${value}`,
    noTarget: 'без цели',
    minutes: (m: number) => `${m} мин`,
    hoursValue: (h: number) => `${String(h).replace('.', ',')} ч`,
    warnAt: 'Предупреждать, когда прошла такая доля цели',
    percent: '%',
  },
};
