/**
 * The period fields of the filter bars that offer the last 3, 6 or 12 months (churn and case reports), in each
 * language; the pages spread them into their own `filters` section.
 */
export const monthPeriodFieldsEn = {
  period: 'Period',
  periods: { '3': 'Last 3 months', '6': 'Last 6 months', '12': 'Last 12 months', custom: 'Custom dates' } as Record<string, string>,
  from: 'From',
  to: 'To',
  apply: 'Apply',
  invalidRange: 'Choose a start date on or before the end date.',
};

export const monthPeriodFieldsRu: typeof monthPeriodFieldsEn = {
  period: 'Период',
  periods: { '3': 'Последние 3 месяца', '6': 'Последние 6 месяцев', '12': 'Последние 12 месяцев', custom: 'Свои даты' },
  from: 'С',
  to: 'По',
  apply: 'Применить',
  invalidRange: 'Дата начала должна быть не позже даты окончания.',
};

export const monthPeriodFieldsBg: typeof monthPeriodFieldsEn = {
  period: 'Период',
  periods: { '3': 'Последните 3 месеца', '6': 'Последните 6 месеца', '12': 'Последните 12 месеца', custom: 'Избрани дати' },
  from: 'От',
  to: 'До',
  apply: 'Приложи',
  invalidRange: 'Началната дата не може да е след крайната.',
};
