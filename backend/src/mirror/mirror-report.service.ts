import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { validationError } from '../common/http/validation.pipe';
import { spreadsheetSafe } from '../responses/csv-safety';
import { ResponsesReader } from '../responses/responses.reader';
import { SurveysReader } from '../surveys/surveys.reader';
import type { MirrorReportDto, MirrorReportQuery, MirrorReportRowDto } from './mirror.dto';
import { addSums, gapOf, NO_SUMS, type Sums, thresholdFor } from './mirror-gap';
import { localDayStart, type MirrorPeriod, periodEndOf, periodStartOf, previousPeriod } from './mirror-period';
import { mirrorQuestions } from './mirror-questions';
import { MirrorRepository } from './mirror.repository';
import { MirrorService } from './mirror.service';
import { MirrorStaff } from './mirror-staff';

const DEFAULT_PERIODS = 6;
const MAX_PERIODS = 36;

/** Periods (first days) from the one containing `from` to the one containing `to`, oldest first. */
function periodsBetween(period: MirrorPeriod, from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to && out.length <= MAX_PERIODS; p = periodEndOf(period, p)) out.push(p);
  return out;
}

/**
 * Staff next to customers per touchpoint and question: staff answers from the mirror's table, customer answers from
 * finished responses to the original survey at that touchpoint in the same periods (responses module's reader).
 */
@Injectable()
export class MirrorReportService {
  constructor(
    private readonly repo: MirrorRepository,
    private readonly mirrors: MirrorService,
    private readonly surveys: SurveysReader,
    private readonly responses: ResponsesReader,
    private readonly staff: MirrorStaff,
  ) {}

  async build(workspaceId: string, mirrorId: string, query: MirrorReportQuery, now = new Date()): Promise<MirrorReportDto> {
    const mirror = await this.mirrors.mirrorOr404(workspaceId, mirrorId);
    const timeZone = await this.mirrors.timeZone(workspaceId);
    // A month's period: its quarter's first month for quarterly mirrors (read at noon UTC of the 1st, which every zone puts in that month).
    const periodOfMonth = (m: string) => periodStartOf(mirror.period, new Date(`${m}-01T12:00:00Z`), 'UTC');
    const to = query.to ? periodOfMonth(query.to) : periodStartOf(mirror.period, now, timeZone);
    let from = query.from ? periodOfMonth(query.from) : to;
    if (!query.from) for (let i = 1; i < DEFAULT_PERIODS; i++) from = previousPeriod(mirror.period, from);
    if (from > to) throw validationError([{ field: 'from', message: 'from must not be after to' }]);
    const periods = periodsBetween(mirror.period, from, to);
    if (periods.length > MAX_PERIODS)
      throw validationError([{ field: 'from', message: `the report covers at most ${MAX_PERIODS} periods` }]);
    const end = periodEndOf(mirror.period, to);

    const survey = await this.surveys.findById(workspaceId, mirror.surveyId);
    const questions = survey ? mirrorQuestions(survey.questions, mirror.prefix) : [];
    const links = await this.repo.linksOf(workspaceId, [mirror.id]);
    const touchpoints = [...(await this.staff.ofLinks(workspaceId, links)).values()].sort((a, b) => a.name.localeCompare(b.name));
    const [staffRows, customerRows] = await Promise.all([
      this.repo.staffSums(workspaceId, mirror.id, from, end),
      this.responses.answerSumsByTouchpoint(workspaceId, {
        surveyId: mirror.surveyId,
        touchpointIds: touchpoints.map((t) => t.touchpointId),
        questionIds: questions.map((q) => q.id),
        period: mirror.period,
        from: localDayStart(from, timeZone),
        to: localDayStart(end, timeZone),
        timeZone,
      }),
    ]);
    const key = (t: string, q: string, p: string) => `${t}|${q}|${p}`;
    const staffBy = new Map(staffRows.map((r) => [key(r.touchpointId, r.questionId, r.periodStart), r as Sums]));
    const customersBy = new Map(customerRows.map((r) => [key(r.touchpointId, r.questionId, r.periodStart), r as Sums]));

    const rows: MirrorReportRowDto[] = [];
    for (const tp of touchpoints) {
      for (const q of questions) {
        const threshold = thresholdFor(q.type, q.min, q.max, mirror);
        let customers = NO_SUMS;
        let staff = NO_SUMS;
        const trend = periods.map((p) => {
          const c = customersBy.get(key(tp.touchpointId, q.id, p)) ?? NO_SUMS;
          const s = staffBy.get(key(tp.touchpointId, q.id, p)) ?? NO_SUMS;
          customers = addSums(customers, c);
          staff = addSums(staff, s);
          return { periodStart: p, ...gapOf(c, s, threshold) };
        });
        rows.push({
          touchpointId: tp.touchpointId,
          touchpointName: tp.name,
          questionId: q.id,
          questionText: q.customerText,
          type: q.type,
          min: q.min,
          max: q.max,
          threshold,
          ...gapOf(customers, staff, threshold),
          trend,
        });
      }
    }
    return {
      mirrorId: mirror.id,
      mirrorName: mirror.name,
      surveyName: survey?.name ?? '',
      period: mirror.period,
      from,
      to,
      periods,
      timeZone,
      rows,
    };
  }

  /** One row per touchpoint, question and period, then the whole range ("all"); UTF-8 BOM, text cells formula-safe. */
  csv(report: MirrorReportDto, language = 'en'): string {
    const text = (t: Record<string, string>) => t[language] ?? t.en ?? Object.values(t)[0] ?? '';
    const line = (r: MirrorReportRowDto, period: string, g: MirrorReportRowDto | MirrorReportRowDto['trend'][number]) => [
      r.touchpointName,
      r.questionId,
      text(r.questionText),
      period,
      g.customers.n,
      g.customers.mean,
      g.customers.marginOfError,
      g.staff.n,
      g.staff.mean,
      g.gap,
      g.direction,
      g.blindSpot ? 'yes' : 'no',
    ];
    const rows = report.rows.flatMap((r) => [...r.trend.map((p) => line(r, p.periodStart, p)), line(r, 'all', r)]);
    const header = [
      'touchpoint',
      'question_id',
      'question',
      'period',
      'customers_n',
      'customers_mean',
      'customers_margin_of_error',
      'staff_n',
      'staff_mean',
      'gap',
      'direction',
      'blind_spot',
    ];
    return stringify(
      rows.map((r) => r.map((v) => (typeof v === 'string' ? spreadsheetSafe(v) : v))),
      { bom: true, header: true, columns: header },
    );
  }
}
