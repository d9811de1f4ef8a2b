import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MISROUTED_REASONS } from '../routing/routing-reasons';

export type RoutingDimension = 'total' | 'rule' | 'touchpoint' | 'source' | 'month';

/** Routing figures of one group of cases (raw sums; rates are the service's). */
export interface RoutingAggregateRow {
  dimension: RoutingDimension;
  /** Routing rule, first touchpoint id, source or month (yyyy-mm); null: no touchpoint / rule not recorded / the total. */
  key: string | null;
  label: string | null;
  cases: number;
  misrouted: number;
  hops: number;
  noHop: number;
  oneHop: number;
  twoHops: number;
  threeOrMoreHops: number;
  medianLostHours: number | null;
  meanLostHours: number | null;
  resolved: number;
  firstContact: number;
}

export interface TouchpointTrafficRow {
  touchpointId: string | null;
  name: string | null;
  sent: number;
  received: number;
}

export interface HopExportRow {
  caseNumber: number;
  caseTitle: string;
  openedAt: Date;
  hoppedAt: Date;
  reason: string;
  fromTouchpoint: string | null;
  toTouchpoint: string | null;
  fromOwner: string | null;
  toOwner: string | null;
  actorKind: string;
}

export interface RoutingPeriod {
  from: Date;
  to: Date;
  timeZone: string;
}

const MISROUTED = `(${MISROUTED_REASONS.map((r) => `'${r}'`).join(', ')})`;

/**
 * One row per case opened in the period ($1 workspace, $2 from, $3 to, $4 time zone): its hops, whether it was
 * misrouted (the first hop that moved it off its first touchpoint, or the first that took it from its first owner,
 * gave a misrouted reason), the wall-clock hours from opening to its last misrouted hop, and first-contact
 * resolution (resolved with no hop, never reopened).
 */
const PER_CASE = `
  per_case AS (
    SELECT c.id, c.routed_by, c.first_touchpoint_id, c.source,
           to_char(c.opened_at AT TIME ZONE $4, 'YYYY-MM') AS month,
           count(h.id)::int AS hops,
           coalesce((array_agg(h.reason IN ${MISROUTED} ORDER BY h.hopped_at, h.id)
                       FILTER (WHERE h.from_touchpoint_id IS DISTINCT FROM h.to_touchpoint_id))[1], false)
             OR coalesce((array_agg(h.reason IN ${MISROUTED} ORDER BY h.hopped_at, h.id)
                       FILTER (WHERE h.from_owner_id IS DISTINCT FROM h.to_owner_id))[1], false) AS misrouted,
           greatest(0, extract(epoch FROM max(h.hopped_at) FILTER (WHERE h.reason IN ${MISROUTED}) - c.opened_at) / 3600) AS lost_hours,
           c.resolved_at IS NOT NULL AS resolved,
           c.resolved_at IS NOT NULL AND count(h.id) = 0 AND NOT c.reopened AS first_contact
      FROM cases c
      LEFT JOIN case_routing_hops h ON h.workspace_id = c.workspace_id AND h.case_id = c.id
     WHERE c.workspace_id = $1 AND c.opened_at >= $2 AND c.opened_at < $3
     GROUP BY c.workspace_id, c.id
  )`;

/**
 * Misrouting figures over cases and their routing hops (the cases module owns both tables). Analytics SQL: grouping
 * sets and ordered-set aggregates, which the query builder cannot say; touchpoint and user names are joined for labels
 * as the case reports do.
 */
@Injectable()
export class RoutingReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Totals and one row per routing rule, first touchpoint, source and month (of `timeZone`) the cases opened in. */
  async aggregates(workspaceId: string, period: RoutingPeriod): Promise<RoutingAggregateRow[]> {
    return this.dataSource.query(
      `WITH ${PER_CASE},
       grouped AS (
         SELECT CASE WHEN grouping(routed_by) = 0 THEN 'rule' WHEN grouping(first_touchpoint_id) = 0 THEN 'touchpoint'
                     WHEN grouping(source) = 0 THEN 'source' WHEN grouping(month) = 0 THEN 'month' ELSE 'total' END AS dimension,
                coalesce(routed_by, first_touchpoint_id::text, source, month) AS key,
                count(*)::int AS cases,
                count(*) FILTER (WHERE misrouted)::int AS misrouted,
                coalesce(sum(hops), 0)::int AS hops,
                count(*) FILTER (WHERE hops = 0)::int AS "noHop",
                count(*) FILTER (WHERE hops = 1)::int AS "oneHop",
                count(*) FILTER (WHERE hops = 2)::int AS "twoHops",
                count(*) FILTER (WHERE hops >= 3)::int AS "threeOrMoreHops",
                percentile_cont(0.5) WITHIN GROUP (ORDER BY lost_hours) FILTER (WHERE misrouted) AS "medianLostHours",
                avg(lost_hours) FILTER (WHERE misrouted)::float8 AS "meanLostHours",
                count(*) FILTER (WHERE resolved)::int AS resolved,
                count(*) FILTER (WHERE first_contact)::int AS "firstContact"
           FROM per_case
          GROUP BY GROUPING SETS ((), (routed_by), (first_touchpoint_id), (source), (month))
       )
       SELECT g.*, CASE WHEN g.dimension = 'touchpoint' THEN t.name ELSE g.key END AS label
         FROM grouped g
         LEFT JOIN touchpoints t ON g.dimension = 'touchpoint' AND t.workspace_id = $1 AND t.id::text = g.key`,
      [workspaceId, period.from, period.to, period.timeZone],
    );
  }

  /** Misrouted hops of the period's cases per touchpoint: sent (the case left it) and received (the case came to it). */
  async touchpointTraffic(workspaceId: string, period: RoutingPeriod): Promise<TouchpointTrafficRow[]> {
    return this.dataSource.query(
      `WITH moves AS (
         SELECT h.from_touchpoint_id AS touchpoint_id, 1 AS sent, 0 AS received
           FROM case_routing_hops h JOIN cases c ON c.workspace_id = h.workspace_id AND c.id = h.case_id
          WHERE h.workspace_id = $1 AND c.opened_at >= $2 AND c.opened_at < $3 AND h.reason IN ${MISROUTED}
         UNION ALL
         SELECT h.to_touchpoint_id, 0, 1
           FROM case_routing_hops h JOIN cases c ON c.workspace_id = h.workspace_id AND c.id = h.case_id
          WHERE h.workspace_id = $1 AND c.opened_at >= $2 AND c.opened_at < $3 AND h.reason IN ${MISROUTED}
       )
       SELECT m.touchpoint_id AS "touchpointId", t.name, sum(m.sent)::int AS sent, sum(m.received)::int AS received
         FROM moves m LEFT JOIN touchpoints t ON t.workspace_id = $1 AND t.id = m.touchpoint_id
        GROUP BY m.touchpoint_id, t.name`,
      [workspaceId, period.from, period.to],
    );
  }

  /** Hops per reason, over the period's cases. */
  async reasons(workspaceId: string, period: RoutingPeriod): Promise<{ reason: string; hops: number }[]> {
    return this.dataSource.query(
      `SELECT h.reason, count(*)::int AS hops
         FROM case_routing_hops h JOIN cases c ON c.workspace_id = h.workspace_id AND c.id = h.case_id
        WHERE h.workspace_id = $1 AND c.opened_at >= $2 AND c.opened_at < $3
        GROUP BY h.reason`,
      [workspaceId, period.from, period.to],
    );
  }

  /** Every hop of the period's cases, in order, with names for the CSV. */
  async hops(workspaceId: string, period: RoutingPeriod): Promise<HopExportRow[]> {
    return this.dataSource.query(
      `SELECT c.number AS "caseNumber", c.title AS "caseTitle", c.opened_at AS "openedAt", h.hopped_at AS "hoppedAt", h.reason,
              ft.name AS "fromTouchpoint", tt.name AS "toTouchpoint", fu.name AS "fromOwner", tu.name AS "toOwner",
              h.actor_kind AS "actorKind"
         FROM case_routing_hops h
         JOIN cases c ON c.workspace_id = h.workspace_id AND c.id = h.case_id
         LEFT JOIN touchpoints ft ON ft.workspace_id = h.workspace_id AND ft.id = h.from_touchpoint_id
         LEFT JOIN touchpoints tt ON tt.workspace_id = h.workspace_id AND tt.id = h.to_touchpoint_id
         LEFT JOIN users fu ON fu.id = h.from_owner_id
         LEFT JOIN users tu ON tu.id = h.to_owner_id
        WHERE h.workspace_id = $1 AND c.opened_at >= $2 AND c.opened_at < $3
        ORDER BY h.hopped_at, c.number, h.id`,
      [workspaceId, period.from, period.to],
    );
  }
}
