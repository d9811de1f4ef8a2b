/** Strings of satisfaction by parameter (the rating matrix: builder, new-survey template, results section), mounted as `surveyParameters` in en.ts. */
export const surveyParametersEn = {
  rows: 'Parameters',
  row: (n: number) => `Parameter ${n}`,
  addRow: 'Add parameter',
  removeRow: (n: number) => `Remove parameter ${n}`,
  rowsHint: (min: number, max: number) => `${min} to ${max} parameters, each rated on the same scale.`,
  scale: 'Scale',
  clusterFilter: { question: 'Question', anyQuestion: 'Any question' },
  template: {
    legend: 'Start from',
    blank: 'A rating and a comment',
    blankHint: 'Two questions to edit as you like.',
    parameters: 'Satisfaction by parameter',
    parametersHint:
      'An overall rating, a matrix of price, assortment, delivery, payment, service and extras, and “What do you like?”, “What don’t you like?”, “What should we improve?”.',
  },
  section: {
    title: 'Satisfaction by parameter',
    intro:
      'Mean rating of each parameter with its 95 % margin of error; importance is how closely the parameter moves with the overall rating (Pearson’s r).',
    csv: 'Download CSV',
    responses: (n: number) => (n === 1 ? '1 response rated the parameters' : `${n} responses rated the parameters`),
    empty: 'No finished response has rated the parameters in this period.',
    tableCaption: 'Mean, margin of error, distribution and importance of each parameter',
    parameter: 'Parameter',
    mean: 'Mean',
    n: 'Answers',
    distribution: 'Distribution',
    importance: 'Importance (r)',
    quadrant: 'Priority',
    binTitle: (score: number, count: number, percent: string) => `${score}: ${count} (${percent})`,
    quadrants: {
      fix_first: 'Fix first',
      keep_up: 'Keep it up',
      low_priority: 'Low priority',
      overdelivering: 'Beyond need',
    } as Record<string, string>,
    quadrantHints: {
      fix_first: 'Matters to the overall rating and rated low',
      keep_up: 'Matters and rated high',
      low_priority: 'Matters little and rated low',
      overdelivering: 'Matters little but rated high',
    } as Record<string, string>,
    matrixTitle: 'Importance and satisfaction',
    matrixIntro: (importance: string, satisfaction: string) =>
      `Lines at the medians of the parameters: importance r = ${importance}, satisfaction ${satisfaction}.`,
    matrixLabel: (n: number) => `Scatter chart of ${n} parameters by importance and mean rating`,
    xAxis: 'Importance: correlation with the overall rating',
    yAxis: 'Satisfaction: mean rating',
    point: (name: string, r: string, mean: string) => `${name}: r = ${r}, mean ${mean}`,
    trendTitle: 'Mean by month',
    trendLabel: 'Line chart of each parameter’s mean rating by month',
    notEnough: 'Importance needs at least two parameters rated together with the overall score.',
  },
};

export type SurveyParametersMessages = typeof surveyParametersEn;
