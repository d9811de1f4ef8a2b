import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { defaultBusinessCalendar, defaultSlaPolicy } from '../sla/clock';
import { TouchpointsReader, type PolicyRow } from '../touchpoints/touchpoints.reader';
import type { CaseRow } from './cases.repository';
import { caseTimers, CaseTimers, EffectivePolicy, minutesLeftAt, StoredPause } from './case-timers';

/** Used when a workspace has no SLA policy row yet (the touchpoints module creates one on first use). */
const FALLBACK_CALENDAR = defaultBusinessCalendar('Europe/Moscow');

const fromRow = (row: PolicyRow): EffectivePolicy => ({
  id: row.id,
  calendar: row.calendar,
  policy: { name: row.name, clock: row.clock, rules: row.rules, warnAtShare: row.warnAtShare },
});

/** Which SLA policy a case counts against, and its timers. */
@Injectable()
export class CaseSlaService {
  constructor(private readonly touchpoints: TouchpointsReader) {}

  /** For a new case: the touchpoint's policy, else the workspace default, else the built-in default. */
  async forNewCase(workspaceId: string, touchpointPolicyId: string | null, manager?: EntityManager): Promise<EffectivePolicy> {
    const row = await this.touchpoints.policy(workspaceId, touchpointPolicyId, manager);
    return row ? fromRow(row) : { id: null, calendar: FALLBACK_CALENDAR, policy: defaultSlaPolicy(FALLBACK_CALENDAR) };
  }

  /** For an existing case: the policy it opened under (if still there), else as for a new case. */
  async forCase(workspaceId: string, c: CaseRow, manager?: EntityManager): Promise<EffectivePolicy> {
    const row = c.slaPolicyId ? await this.touchpoints.policyById(workspaceId, c.slaPolicyId, manager) : null;
    return row ? fromRow(row) : this.forNewCase(workspaceId, null, manager);
  }

  timers(
    sla: EffectivePolicy,
    c: Pick<CaseRow, 'priority' | 'channel' | 'openedAt' | 'resolutionStartedAt'>,
    pauses: readonly StoredPause[],
  ): CaseTimers {
    return caseTimers(sla, c.priority, c.channel, new Date(c.openedAt), new Date(c.resolutionStartedAt), pauses);
  }

  /** The pauses with the open one stamped with the time each timer had left when it began (for the inbox). */
  stampOpenPause(
    sla: EffectivePolicy,
    c: Pick<CaseRow, 'priority' | 'channel' | 'openedAt' | 'resolutionStartedAt'>,
    pauses: readonly StoredPause[],
  ): StoredPause[] {
    return pauses.map((p) =>
      p.to === null
        ? {
            ...p,
            ...minutesLeftAt(sla, c.priority, c.channel, new Date(c.openedAt), new Date(c.resolutionStartedAt), pauses, new Date(p.from)),
          }
        : p,
    );
  }
}
