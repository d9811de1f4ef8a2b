import type { DataSource } from 'typeorm';
import type { ColourStatus, OfferResponse } from '../customers/status/colour-status';

/** What the story knows about a customer beyond the plan: territory, industry, organisation, offer answered. */
export interface StatusProfile {
  externalId: string;
  country: string;
  region: string;
  city: string;
  industry: string | null;
  isOrganisation: boolean;
  decisionMaker: string | null;
  offerResponse: OfferResponse | null;
  offerResponseAt: Date | null;
}

export interface HistoryStatusChange {
  externalId: string;
  from: ColourStatus | null;
  to: ColourStatus;
  at: Date;
  detail: string;
}

const CHUNK = 5000;

/**
 * The demo's backfill of customer profiles and status history, set-based (a year of history row by row would be
 * thousands of statements). Only the demo writes history with past dates; the app records changes as they happen.
 */
export class DemoStatusRepository {
  constructor(private readonly dataSource: DataSource) {}

  async store(
    workspaceId: string,
    profiles: StatusProfile[],
    changes: HistoryStatusChange[],
    finals: { externalId: string; status: ColourStatus; stoppedAt: Date | null }[],
  ): Promise<void> {
    const statusOf = new Map(finals.map((f) => [f.externalId, f]));
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < profiles.length; i += CHUNK) {
        const rows = profiles.slice(i, i + CHUNK);
        await manager.query(
          `UPDATE customers c
              SET country = p.country, region = p.region, city = p.city, industry = p.industry, is_organisation = p.org,
                  decision_maker = p.dm, offer_response = p.offer, offer_response_at = p.offer_at,
                  colour_status = p.status, stopped_at = p.stopped_at
             FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[],
                         $10::timestamptz[], $11::text[], $12::timestamptz[])
                  AS p (id, country, region, city, industry, org, dm, offer, offer_at, status, stopped_at)
            WHERE c.workspace_id = $1 AND c.external_id = p.id`,
          [
            workspaceId,
            rows.map((r) => r.externalId),
            rows.map((r) => r.country),
            rows.map((r) => r.region),
            rows.map((r) => r.city),
            rows.map((r) => r.industry),
            rows.map((r) => r.isOrganisation),
            rows.map((r) => r.decisionMaker),
            rows.map((r) => r.offerResponse),
            rows.map((r) => r.offerResponseAt),
            rows.map((r) => statusOf.get(r.externalId)?.status ?? 'white'),
            rows.map((r) => statusOf.get(r.externalId)?.stoppedAt ?? null),
          ],
        );
      }
      for (let i = 0; i < changes.length; i += CHUNK) {
        const rows = changes.slice(i, i + CHUNK);
        await manager.query(
          `INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, changed_at, cause, detail)
           SELECT $1, h.id, h.from_status, h.to_status, h.at, 'rules', h.detail
             FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[]) AS h (id, from_status, to_status, at, detail)`,
          [
            workspaceId,
            rows.map((r) => r.externalId),
            rows.map((r) => r.from),
            rows.map((r) => r.to),
            rows.map((r) => r.at),
            rows.map((r) => r.detail),
          ],
        );
      }
    });
  }
}
