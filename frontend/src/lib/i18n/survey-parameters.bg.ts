import type { SurveyParametersMessages } from './survey-parameters.en';

export const surveyParametersBg: SurveyParametersMessages = {
  rows: 'Параметри',
  row: (n: number) => `Параметър ${n}`,
  addRow: 'Добави параметър',
  removeRow: (n: number) => `Премахни параметър ${n}`,
  rowsHint: (min: number, max: number) => `От ${min} до ${max} параметъра, всеки се оценява по една и съща скала.`,
  scale: 'Скала',
  clusterFilter: { question: 'Въпрос', anyQuestion: 'Всеки въпрос' },
  template: {
    legend: 'Започнете от',
    blank: 'Оценка и коментар',
    blankHint: 'Два въпроса, които можете да промените както желаете.',
    parameters: 'Удовлетвореност по параметри',
    parametersHint:
      'Обща оценка, матрица „цени, асортимент, доставка, плащане, обслужване, бонуси“ и въпросите „Какво ви харесва?“, „Какво не ви харесва?“, „Какво да подобрим?“.',
  },
  section: {
    title: 'Удовлетвореност по параметри',
    intro:
      'Средна оценка на всеки параметър с грешка при 95 %; важността показва доколко параметърът се движи заедно с общата оценка (r на Пирсън).',
    csv: 'Изтегли CSV',
    responses: (n: number) => (n === 1 ? '1 отговор с оценки на параметрите' : `${n} отговора с оценки на параметрите`),
    empty: 'За този период няма завършени отговори с оценки на параметрите.',
    tableCaption: 'Средна, грешка, разпределение и важност на всеки параметър',
    parameter: 'Параметър',
    mean: 'Средна',
    n: 'Отговори',
    distribution: 'Разпределение',
    importance: 'Важност (r)',
    quadrant: 'Приоритет',
    binTitle: (score: number, count: number, percent: string) => `${score}: ${count} (${percent})`,
    quadrants: {
      fix_first: 'Поправете първо',
      keep_up: 'Поддържайте нивото',
      low_priority: 'Нисък приоритет',
      overdelivering: 'Над нуждата',
    } as Record<string, string>,
    quadrantHints: {
      fix_first: 'Влияе на общата оценка и е оценен ниско',
      keep_up: 'Влияе и е оценен високо',
      low_priority: 'Влияе малко и е оценен ниско',
      overdelivering: 'Влияе малко, но е оценен високо',
    } as Record<string, string>,
    matrixTitle: 'Важност и удовлетвореност',
    matrixIntro: (importance: string, satisfaction: string) =>
      `Линиите са медианите на параметрите: важност r = ${importance}, удовлетвореност ${satisfaction}.`,
    matrixLabel: (n: number) => `Точкова диаграма на ${n} параметъра по важност и средна оценка`,
    xAxis: 'Важност: корелация с общата оценка',
    yAxis: 'Удовлетвореност: средна оценка',
    point: (name: string, r: string, mean: string) => `${name}: r = ${r}, средна ${mean}`,
    trendTitle: 'Средна по месеци',
    trendLabel: 'Линейна графика на средната оценка на всеки параметър по месеци',
    notEnough: 'За важността са нужни поне два параметъра, оценени заедно с общата оценка.',
  },
};
