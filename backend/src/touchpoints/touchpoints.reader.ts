import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { MembershipsReader } from '../members/memberships.reader';
import { SlaPolicyEntity } from './sla-policy.entity';
import { TouchpointEntity } from './touchpoint.entity';

/** What case routing needs from a touchpoint. */
export type RoutingTouchpoint = Pick<TouchpointEntity, 'id' | 'channel' | 'ownerId' | 'backupOwnerId' | 'slaPolicyId'> & {
  /** team_ids that are still members of the workspace, in stored order. */
  team: string[];
};

/** Who works a touchpoint: what the mirror survey asks. */
export type TouchpointPeopleRow = Pick<TouchpointEntity, 'id' | 'name' | 'ownerId' | 'backupOwnerId' | 'teamIds'>;

/** Used when the workspace has no SLA policy yet: the built-in default calendar's zone. */
const FALLBACK_TIME_ZONE = 'Europe/Moscow';

/** What SLA timers need from a policy. */
export type PolicyRow = Pick<SlaPolicyEntity, 'id' | 'name' | 'clock' | 'rules' | 'calendar' | 'warnAtShare'>;

const POLICY_COLUMNS = { workspaceId: true, id: true, name: true, clock: true, rules: true, calendar: true, warnAtShare: true } as const;

/**
 * How other modules read touchpoints and SLA policies (this module owns both tables): the cases module routes and
 * times cases with it. Reads take the caller's transaction manager where they must see its writes.
 */
@Injectable()
export class TouchpointsReader {
  constructor(
    @InjectRepository(TouchpointEntity) private readonly touchpoints: Repository<TouchpointEntity>,
    @InjectRepository(SlaPolicyEntity) private readonly policies: Repository<SlaPolicyEntity>,
    private readonly memberships: MembershipsReader,
  ) {}

  /** The names of these touchpoints of the workspace (unknown ids are left out). */
  async namesOf(workspaceId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.touchpoints.find({ select: { id: true, name: true }, where: { workspaceId, id: In([...ids]) } });
    return new Map(rows.map((t) => [t.id, t.name]));
  }

  /** The touchpoint as routing sees it; the team keeps only those still members (asked of the members module, in `manager`'s transaction). */
  async routingTouchpoint(workspaceId: string, id: string, manager?: EntityManager): Promise<RoutingTouchpoint | null> {
    const row = await (manager?.getRepository(TouchpointEntity) ?? this.touchpoints).findOne({
      select: { workspaceId: true, id: true, channel: true, ownerId: true, backupOwnerId: true, slaPolicyId: true, teamIds: true },
      where: { workspaceId, id },
    });
    if (!row) return null;
    const members = new Set(await this.memberships.membersAmong(workspaceId, row.teamIds, manager));
    const { channel, ownerId, backupOwnerId, slaPolicyId, teamIds } = row;
    return { id: row.id, channel, ownerId, backupOwnerId, slaPolicyId, team: teamIds.filter((userId) => members.has(userId)) };
  }

  /** These touchpoints' names and people (owner, backup owner, team; not checked for membership), unknown ids left out. */
  async peopleOf(workspaceId: string, ids: readonly string[]): Promise<TouchpointPeopleRow[]> {
    if (ids.length === 0) return [];
    return this.touchpoints.find({
      select: { workspaceId: true, id: true, name: true, ownerId: true, backupOwnerId: true, teamIds: true },
      where: { workspaceId, id: In([...ids]) },
      order: { position: 'ASC', name: 'ASC' },
    });
  }

  async idByName(workspaceId: string, name: string): Promise<string | null> {
    const row = await this.touchpoints
      .createQueryBuilder('t')
      .select(['t.workspaceId', 't.id'])
      .where('t.workspace_id = :workspaceId AND lower(t.name) = lower(:name)', { workspaceId, name })
      .getOne();
    return row?.id ?? null;
  }

  /** The first business touchpoint (by map position) of a journey stage, e.g. 'left' for cancellations. */
  async firstIdOfStage(workspaceId: string, stage: TouchpointEntity['stage']): Promise<string | null> {
    return this.firstId(workspaceId, { stage });
  }

  /** The first business touchpoint (by map position) on a channel, e.g. 'social' for mentions. */
  async firstIdOnChannel(workspaceId: string, channel: TouchpointEntity['channel']): Promise<string | null> {
    return this.firstId(workspaceId, { channel });
  }

  /**
   * The workspace's time zone, which defines its calendar months (service audit, mirror survey): the default SLA
   * policy's calendar, else the built-in default calendar's zone.
   */
  async workspaceTimeZone(workspaceId: string): Promise<string> {
    return (await this.policy(workspaceId, null))?.calendar.timeZone ?? FALLBACK_TIME_ZONE;
  }

  /** The touchpoint's policy, else the workspace default policy, else null (the code default applies). */
  async policy(workspaceId: string, policyId: string | null, manager?: EntityManager): Promise<PolicyRow | null> {
    return (manager?.getRepository(SlaPolicyEntity) ?? this.policies)
      .createQueryBuilder('p')
      .select(Object.keys(POLICY_COLUMNS).map((column) => `p.${column}`))
      .where('p.workspace_id = :workspaceId AND (p.id = :policyId OR p.is_default)', { workspaceId, policyId })
      .orderBy('(p.id = :policyId)', 'DESC', 'NULLS LAST')
      .limit(1)
      .getOne();
  }

  policyById(workspaceId: string, policyId: string, manager?: EntityManager): Promise<PolicyRow | null> {
    return (manager?.getRepository(SlaPolicyEntity) ?? this.policies).findOne({
      select: POLICY_COLUMNS,
      where: { workspaceId, id: policyId },
    });
  }

  /** How many policies the workspace has and their latest change (text: microseconds), to tell when cached figures are stale. */
  async policiesVersion(workspaceId: string): Promise<{ policies: number; updatedAt: string | null }> {
    const row = await this.policies
      .createQueryBuilder('p')
      .select('count(*)::int', 'policies')
      .addSelect('max(p.updated_at)::text', 'updatedAt')
      .where('p.workspace_id = :workspaceId', { workspaceId })
      .getRawOne<{ policies: number; updatedAt: string | null }>();
    return row!;
  }

  private async firstId(
    workspaceId: string,
    where: Pick<TouchpointEntity, 'stage'> | Pick<TouchpointEntity, 'channel'>,
  ): Promise<string | null> {
    const row = await this.touchpoints.findOne({
      select: { workspaceId: true, id: true },
      where: { workspaceId, kind: 'business', ...where },
      order: { position: 'ASC', name: 'ASC' },
    });
    return row?.id ?? null;
  }
}
