import { Injectable } from '@nestjs/common';
import { CaseReportsService } from '../cases/reports/case-reports.service';
import { MentionsReader } from '../mentions/mentions.reader';
import { ResponsesReader } from '../responses/responses.reader';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import type { AuditMeasure } from './audit-measures';
import { addMonths, monthStart } from '../metrics';
import { ServiceAuditRepository } from './service-audit.repository';

/** A measured value and how many items stand behind it (cases, answers, mentions, checked items). */
export type Measured = { value: number | null; n: number | null };

/** Every criterion's value per touchpoint and month of a window, read once from the owning modules. */
export interface AuditValues {
  timeZone: string;
  /** Whether the month is inside the loaded window (outside it nothing was read). */
  covers(month: string): boolean;
  valueOf(measure: AuditMeasure, criterionId: string, touchpointId: string, month: string): Measured;
}

const key = (...parts: string[]) => parts.join('|');
const share = (part: number, whole: number): Measured => (whole > 0 ? { value: (100 * part) / whole, n: whole } : { value: null, n: 0 });

/**
 * Gathers the audit's computed measures for months [first, last] in the workspace's time zone (the default SLA
 * calendar's): case figures from the cases module's reports, survey scores from the responses reader and mention
 * shares from the mentions reader (both aggregated in SQL), checklist shares from this module's checks.
 */
@Injectable()
export class AuditValuesService {
  constructor(
    private readonly cases: CaseReportsService,
    private readonly responses: ResponsesReader,
    private readonly mentions: MentionsReader,
    private readonly touchpoints: TouchpointsReader,
    private readonly repo: ServiceAuditRepository,
  ) {}

  async timeZone(workspaceId: string): Promise<string> {
    return this.touchpoints.workspaceTimeZone(workspaceId);
  }

  async load(workspaceId: string, timeZone: string, first: string, last: string, now = new Date()): Promise<AuditValues> {
    const from = monthStart(first, timeZone);
    const to = monthStart(addMonths(last, 1), timeZone);
    const [caseMonths, scores, mentionMonths, checklist] = await Promise.all([
      this.cases.auditMonths(workspaceId, { from, to, timeZone }, now),
      this.responses.touchpointMonthlyScores(workspaceId, from, to, timeZone),
      this.mentions.monthlyNegative(workspaceId, from, to, timeZone),
      this.repo.checklistMonths(workspaceId, `${first}-01`, `${last}-01`),
    ]);
    const caseBy = new Map(caseMonths.map((c) => [key(c.touchpointId, c.month), c]));
    const scoreBy = new Map(scores.map((s) => [key(s.touchpointId, s.kind, s.month), s]));
    const mentionBy = new Map(mentionMonths.map((m) => [m.month, m]));
    const checklistBy = new Map(checklist.map((c) => [key(c.criterionId, c.month), c]));

    const caseMeasure = (touchpointId: string, month: string): Measured => {
      const c = caseBy.get(key(touchpointId, month));
      return { value: c ? c.cases : 0, n: c ? c.cases : 0 };
    };
    const score = (touchpointId: string, kind: string, month: string): Measured => {
      const s = scoreBy.get(key(touchpointId, kind, month));
      return s ? { value: s.value, n: s.n } : { value: null, n: 0 };
    };

    return {
      timeZone,
      covers: (month) => month >= first && month <= last,
      valueOf(measure, criterionId, touchpointId, month) {
        const c = caseBy.get(key(touchpointId, month));
        switch (measure) {
          case 'case_count':
            return caseMeasure(touchpointId, month);
          case 'first_response_minutes':
            return { value: c?.medianFirstResponseMinutes ?? null, n: c?.cases ?? 0 };
          case 'resolution_days':
            return { value: c?.medianResolutionDays ?? null, n: c?.cases ?? 0 };
          case 'reopened_percent':
            return share(c?.reopened ?? 0, c?.cases ?? 0);
          case 'sla_breach_percent':
            return share(c?.breached ?? 0, c?.cases ?? 0);
          case 'csat_mean':
            return score(touchpointId, 'csat', month);
          case 'nps':
            return score(touchpointId, 'nps', month);
          case 'ces_mean':
            return score(touchpointId, 'ces', month);
          case 'negative_mentions_percent': {
            const m = mentionBy.get(month);
            return share(m?.negative ?? 0, m?.total ?? 0);
          }
          case 'checklist_percent': {
            const k = checklistBy.get(key(criterionId, month));
            return share(k?.passed ?? 0, k?.scored ?? 0);
          }
        }
      },
    };
  }
}
