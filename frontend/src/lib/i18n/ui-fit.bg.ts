import type { UiFitMessages } from './ui-fit.en';

export const uiFitBg: UiFitMessages = {
  scrollHint: 'Превъртете встрани →',
  sla: {
    legendTitle: 'Как работят целите',
    legend:
      'Всяка цел е брой часове (0,5 = 30 минути, 24 = едно денонощие). Празно поле наследява стойност: първо от „Всеки канал“ на същия приоритет, после от същия канал в „Всеки приоритет“, после от „Всеки приоритет · Всеки канал“. Въведете 0, ако няма цел.',
    anyPriority: 'Всеки приоритет',
    setCount: (n: number) => `зададени цели: ${n}`,
    firstResponse: 'Първи отговор',
    resolution: 'Решаване',
    hours: 'ч',
    inherits: (value: string) => `наследява ${value}`,
    noTarget: 'без цел',
    minutes: (m: number) => `${m} мин`,
    hoursValue: (h: number) => `${String(h).replace('.', ',')} ч`,
    warnAt: 'Предупреждение, когато е изтекла такава част от целта',
    percent: '%',
  },
};
