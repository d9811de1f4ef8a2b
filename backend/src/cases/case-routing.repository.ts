import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TouchpointsReader, type PolicyRow, type RoutingTouchpoint } from '../touchpoints/touchpoints.reader';

export type { PolicyRow, RoutingTouchpoint };

/** Touchpoints and SLA policies for routing and timers, read through the touchpoints module (it owns both tables). */
@Injectable()
export class CaseRoutingRepository {
  constructor(private readonly touchpoints: TouchpointsReader) {}

  touchpoint(workspaceId: string, id: string, manager?: EntityManager): Promise<RoutingTouchpoint | null> {
    return this.touchpoints.routingTouchpoint(workspaceId, id, manager);
  }

  touchpointIdByName(workspaceId: string, name: string): Promise<string | null> {
    return this.touchpoints.idByName(workspaceId, name);
  }

  /** The first touchpoint (by map position) of a journey stage, e.g. 'left' for cancellations. */
  touchpointIdByStage(workspaceId: string, stage: Parameters<TouchpointsReader['firstIdOfStage']>[1]): Promise<string | null> {
    return this.touchpoints.firstIdOfStage(workspaceId, stage);
  }

  /** The first touchpoint (by map position) on a channel, e.g. 'social' for mentions. */
  touchpointIdByChannel(workspaceId: string, channel: Parameters<TouchpointsReader['firstIdOnChannel']>[1]): Promise<string | null> {
    return this.touchpoints.firstIdOnChannel(workspaceId, channel);
  }

  /** The touchpoint's policy, else the workspace default policy, else null (the code default applies). */
  policy(workspaceId: string, policyId: string | null, manager?: EntityManager): Promise<PolicyRow | null> {
    return this.touchpoints.policy(workspaceId, policyId, manager);
  }

  policyById(workspaceId: string, policyId: string, manager?: EntityManager): Promise<PolicyRow | null> {
    return this.touchpoints.policyById(workspaceId, policyId, manager);
  }
}
