import { Injectable } from '@nestjs/common';
import type { CaseForPromise } from '../cases/cases-for-promises';
import type { BusinessCalendar } from '../sla/clock';
import { TouchpointsReader } from '../touchpoints/touchpoints.reader';
import { FALLBACK_CALENDAR } from './promise-clock';

/**
 * Which business calendar a promise's due time runs on: its case's SLA policy (the one the case opened under), else
 * its touchpoint's, else the workspace default, else the built-in office week — as cases resolve theirs.
 */
@Injectable()
export class PromiseCalendars {
  constructor(private readonly touchpoints: TouchpointsReader) {}

  async forPromise(workspaceId: string, theCase: CaseForPromise | null, touchpointId: string | null): Promise<BusinessCalendar> {
    if (theCase?.slaPolicyId) {
      const own = await this.touchpoints.policyById(workspaceId, theCase.slaPolicyId);
      if (own) return own.calendar;
    }
    const touchpoint = touchpointId ? await this.touchpoints.routingTouchpoint(workspaceId, touchpointId) : null;
    const policy = await this.touchpoints.policy(workspaceId, touchpoint?.slaPolicyId ?? null);
    return policy?.calendar ?? FALLBACK_CALENDAR;
  }
}
