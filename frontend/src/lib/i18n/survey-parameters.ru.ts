import type { SurveyParametersMessages } from './survey-parameters.en';

export const surveyParametersRu: SurveyParametersMessages = {
  rows: 'Параметры',
  row: (n: number) => `Параметр ${n}`,
  addRow: 'Добавить параметр',
  removeRow: (n: number) => `Удалить параметр ${n}`,
  rowsHint: (min: number, max: number) => `От ${min} до ${max} параметров, каждый оценивается по одной шкале.`,
  scale: 'Шкала',
  clusterFilter: { question: 'Вопрос', anyQuestion: 'Любой вопрос' },
  template: {
    legend: 'С чего начать',
    blank: 'Оценка и комментарий',
    blankHint: 'Два вопроса, которые можно изменить как угодно.',
    parameters: 'Удовлетворённость по параметрам',
    parametersHint:
      'Общая оценка, матрица «цены, ассортимент, доставка, оплата, обслуживание, бонусы» и вопросы «Что вам нравится?», «Что вам не нравится?», «Что нам стоит улучшить?».',
  },
  section: {
    title: 'Удовлетворённость по параметрам',
    intro:
      'Средняя оценка каждого параметра с погрешностью при 95 %; важность — насколько параметр меняется вместе с общей оценкой (r Пирсона).',
    csv: 'Скачать CSV',
    responses: (n: number) => `Оценили параметры: ${n}`,
    empty: 'За этот период нет завершённых ответов с оценками параметров.',
    tableCaption: 'Средняя, погрешность, распределение и важность каждого параметра',
    parameter: 'Параметр',
    mean: 'Средняя',
    n: 'Ответов',
    distribution: 'Распределение',
    importance: 'Важность (r)',
    quadrant: 'Приоритет',
    binTitle: (score: number, count: number, percent: string) => `${score}: ${count} (${percent})`,
    quadrants: {
      fix_first: 'Исправить в первую очередь',
      keep_up: 'Сохранять уровень',
      low_priority: 'Не в приоритете',
      overdelivering: 'Сверх ожиданий',
    } as Record<string, string>,
    quadrantHints: {
      fix_first: 'Влияет на общую оценку и оценён низко',
      keep_up: 'Влияет и оценён высоко',
      low_priority: 'Влияет мало и оценён низко',
      overdelivering: 'Влияет мало, но оценён высоко',
    } as Record<string, string>,
    matrixTitle: 'Важность и удовлетворённость',
    matrixIntro: (importance: string, satisfaction: string) =>
      `Линии — медианы параметров: важность r = ${importance}, удовлетворённость ${satisfaction}.`,
    matrixLabel: (n: number) => `Точечная диаграмма: параметров ${n} по важности и средней оценке`,
    xAxis: 'Важность: корреляция с общей оценкой',
    yAxis: 'Удовлетворённость: средняя оценка',
    point: (name: string, r: string, mean: string) => `${name}: r = ${r}, средняя ${mean}`,
    trendTitle: 'Средняя по месяцам',
    trendLabel: 'Линейный график средней оценки каждого параметра по месяцам',
    notEnough: 'Для важности нужны хотя бы два параметра, оценённые вместе с общей оценкой.',
  },
};
