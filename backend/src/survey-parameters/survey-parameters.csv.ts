import { stringify } from 'csv-stringify/sync';
import { pick } from '@otklik/survey-model';
import { spreadsheetSafe } from '../responses/csv-safety';
import type { SurveyParametersDto } from './survey-parameters.dto';

type Cell = string | number | null;

/**
 * One row per parameter (kind "parameter": mean, margin, importance, quadrant and the count of each score), then one
 * per parameter and month (kind "month"). UTF-8 BOM for Excel; labels in `language` and formula-safe.
 */
export function parametersCsv(report: SurveyParametersDto, language: string): string {
  const scores = report.parameters[0]?.distribution.map((b) => b.score) ?? [];
  const columns = [
    'kind',
    'parameter_id',
    'parameter',
    'month',
    'n',
    'mean',
    'margin_of_error',
    'lower',
    'upper',
    'correlation_with_overall',
    'quadrant',
    ...scores.map((s) => `count_${s}`),
  ];
  const label = (p: SurveyParametersDto['parameters'][number]) => spreadsheetSafe(pick(p.label, language, language));
  const rows: Cell[][] = [
    ...report.parameters.map((p): Cell[] => [
      'parameter',
      p.id,
      label(p),
      null,
      p.n,
      p.mean,
      p.marginOfError,
      p.interval?.lower ?? null,
      p.interval?.upper ?? null,
      p.correlation,
      p.quadrant,
      ...p.distribution.map((b) => b.count),
    ]),
    ...report.parameters.flatMap((p) =>
      p.trend.map((m): Cell[] => ['month', p.id, label(p), m.month, m.n, m.mean, null, null, null, null, null, ...scores.map(() => null)]),
    ),
  ];
  return stringify(
    rows.map((r) => r.map((v) => (v === null ? '' : v))),
    { bom: true, header: true, columns },
  );
}
