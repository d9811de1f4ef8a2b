import type { MigrationInterface, QueryRunner } from 'typeorm';

const HOP_REASONS = `('wrong_touchpoint', 'wrong_owner', 'escalation', 'workload', 'absence', 'other')`;
const ROUTED_BY = `('explicit', 'round_robin', 'touchpoint_owner', 'unassigned')`;

/**
 * Misrouting (issue 17): every move of a case to another touchpoint or owner is a routing hop with a reason, and the
 * case keeps the rule that placed it and the touchpoint it opened at, so misrouting can be counted per rule and per
 * first touchpoint. Existing cases take both from their "opened" event; past reassignments become hops with reason
 * 'other' (nobody was asked why at the time).
 */
export class CaseRoutingHops1796820000000 implements MigrationInterface {
  name = 'CaseRoutingHops1796820000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE cases
        ADD COLUMN routed_by           varchar(20) CONSTRAINT cases_routed_by_check CHECK (routed_by IN ${ROUTED_BY}),
        ADD COLUMN first_touchpoint_id uuid,
        ADD CONSTRAINT cases_workspace_id_first_touchpoint_id_fkey FOREIGN KEY (workspace_id, first_touchpoint_id)
          REFERENCES touchpoints (workspace_id, id) ON DELETE SET NULL (first_touchpoint_id)`);
    await db.query(`UPDATE cases SET first_touchpoint_id = touchpoint_id WHERE touchpoint_id IS NOT NULL`);
    await db.query(`
      UPDATE cases c SET routed_by = e.details->>'routedBy'
        FROM case_events e
       WHERE e.workspace_id = c.workspace_id AND e.case_id = c.id AND e.kind = 'opened'
         AND e.details->>'routedBy' IN ${ROUTED_BY}`);

    await db.query(`
      CREATE TABLE case_routing_hops (
        workspace_id       uuid NOT NULL,
        id                 uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id            uuid NOT NULL,
        hopped_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
        from_touchpoint_id uuid,
        to_touchpoint_id   uuid,
        from_owner_id      uuid CONSTRAINT case_routing_hops_from_owner_id_fkey REFERENCES users(id) ON DELETE SET NULL,
        to_owner_id        uuid CONSTRAINT case_routing_hops_to_owner_id_fkey REFERENCES users(id) ON DELETE SET NULL,
        reason             varchar(20) NOT NULL CONSTRAINT case_routing_hops_reason_check CHECK (reason IN ${HOP_REASONS}),
        actor_id           uuid CONSTRAINT case_routing_hops_actor_id_fkey REFERENCES users(id) ON DELETE SET NULL,
        actor_kind         varchar(8) NOT NULL CONSTRAINT case_routing_hops_actor_kind_check CHECK (actor_kind IN ('user', 'token', 'system')),
        CONSTRAINT case_routing_hops_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT case_routing_hops_workspace_id_case_id_fkey FOREIGN KEY (workspace_id, case_id)
          REFERENCES cases (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX case_routing_hops_case_idx ON case_routing_hops (workspace_id, case_id, hopped_at)`);
    // Owners who have left are dropped (SET NULL would have done the same had the hop existed then).
    await db.query(`
      INSERT INTO case_routing_hops (workspace_id, case_id, hopped_at, from_touchpoint_id, to_touchpoint_id,
                                     from_owner_id, to_owner_id, reason, actor_id, actor_kind)
      SELECT e.workspace_id, e.case_id, e.created_at, c.touchpoint_id, c.touchpoint_id, fu.id, tu.id, 'other', au.id, e.actor_kind
        FROM case_events e
        JOIN cases c ON c.workspace_id = e.workspace_id AND c.id = e.case_id
        LEFT JOIN users fu ON fu.id::text = e.details->>'from'
        LEFT JOIN users tu ON tu.id::text = e.details->>'to'
        LEFT JOIN users au ON au.id = e.actor_id
       WHERE e.kind = 'assigned' AND e.details->>'from' IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_routing_hops`);
    await db.query(`
      ALTER TABLE cases
        DROP CONSTRAINT cases_workspace_id_first_touchpoint_id_fkey,
        DROP COLUMN first_touchpoint_id,
        DROP COLUMN routed_by`);
  }
}
