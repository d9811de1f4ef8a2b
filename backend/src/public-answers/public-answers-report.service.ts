import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { resolvePeriod } from '../common/http/period';
import { optionalProvider } from '../common/nest/optional-provider';
import { COMPENSATION_LOOKUP, type CompensationLookup } from '../common/recovery/compensation-lookup.port';
import type { PublicAnswersReportDto, PublicAnswersReportQuery } from './public-answers.dto';
import { PublicAnswersReportRepository } from './public-answers-report.repository';

/** The port reads at most this many cases per call. */
const LOOKUP_BATCH = 1000;

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000);
const minutes = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/**
 * How negative mentions were handled in public: of the negative originals posted in the period, the share answered in
 * public and how fast (median and p90 minutes from the post), investigated (the case recorded a root cause), with
 * findings published and compensated, overall and per week of posting. Steps count whenever they happened.
 */
@Injectable()
export class PublicAnswersReportService {
  constructor(
    private readonly report: PublicAnswersReportRepository,
    private readonly moduleRef: ModuleRef,
  ) {}

  async get(workspaceId: string, query: PublicAnswersReportQuery): Promise<PublicAnswersReportDto> {
    const period = resolvePeriod(query, 90);
    const { from, to, timeZone } = period;
    const [totals, weeks, cases] = await Promise.all([
      this.report.totals(workspaceId, from, to, timeZone),
      this.report.weeks(workspaceId, from, to, timeZone),
      this.report.casesOf(workspaceId, from, to, timeZone),
    ]);
    const compensatedWeeks = await this.compensatedWeeks(workspaceId, cases);
    const compensated = [...compensatedWeeks.values()].reduce((a, b) => a + b, 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      timeZone,
      negative: totals.negative,
      answered: totals.answered,
      answeredShare: share(totals.answered, totals.negative),
      medianMinutesToAnswer: minutes(totals.medianMinutes),
      p90MinutesToAnswer: minutes(totals.p90Minutes),
      investigated: totals.investigated,
      investigatedShare: share(totals.investigated, totals.negative),
      findingsPublished: totals.findings,
      findingsShare: share(totals.findings, totals.negative),
      compensated,
      compensatedShare: share(compensated, totals.negative),
      series: weeks.map((w) => ({
        start: w.start.toISOString(),
        day: w.day,
        negative: w.negative,
        answered: w.answered,
        investigated: w.investigated,
        findingsPublished: w.findings,
        compensated: compensatedWeeks.get(w.start.getTime()) ?? 0,
        medianMinutesToAnswer: minutes(w.medianMinutes),
      })),
    };
  }

  /** Compensated mentions per week start (ms), read through the compensation port in batches; none without it. */
  private async compensatedWeeks(workspaceId: string, cases: { caseId: string; start: Date }[]): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    const lookup = optionalProvider<CompensationLookup>(this.moduleRef, COMPENSATION_LOOKUP);
    if (!lookup) return counts;
    for (let i = 0; i < cases.length; i += LOOKUP_BATCH) {
      const batch = cases.slice(i, i + LOOKUP_BATCH);
      const found = await lookup.forCases(
        workspaceId,
        batch.map((c) => c.caseId),
      );
      for (const c of batch) {
        if (found.get(c.caseId)?.firstApprovedAt) counts.set(c.start.getTime(), (counts.get(c.start.getTime()) ?? 0) + 1);
      }
    }
    return counts;
  }
}
