import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mirror survey (issue 17): staff of a touchpoint answer a customer survey's questions as they think customers
 * would, once per person, touchpoint and period. Their answers live here, apart from `responses`, so customer
 * metrics never count staff; the report sets them next to the customers' answers to the original survey.
 */
export class MirrorSurveys1796830000000 implements MigrationInterface {
  name = 'MirrorSurveys1796830000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mirror_surveys (
        workspace_id      uuid NOT NULL CONSTRAINT mirror_surveys_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        id                uuid NOT NULL DEFAULT gen_random_uuid(),
        survey_id         uuid NOT NULL,
        name              varchar(200) NOT NULL,
        prefix            jsonb NOT NULL DEFAULT '{}',
        period            varchar(8) NOT NULL DEFAULT 'month' CONSTRAINT mirror_surveys_period_check CHECK (period IN ('month', 'quarter')),
        grace_days        smallint NOT NULL DEFAULT 5 CONSTRAINT mirror_surveys_grace_days_check CHECK (grace_days BETWEEN 0 AND 31),
        blind_spot_rating numeric(4,2) NOT NULL DEFAULT 0.5
          CONSTRAINT mirror_surveys_blind_spot_rating_check CHECK (blind_spot_rating > 0 AND blind_spot_rating <= 4),
        blind_spot_nps    numeric(4,2) NOT NULL DEFAULT 1
          CONSTRAINT mirror_surveys_blind_spot_nps_check CHECK (blind_spot_nps > 0 AND blind_spot_nps <= 10),
        active            boolean NOT NULL DEFAULT true,
        created_by        uuid CONSTRAINT mirror_surveys_created_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mirror_surveys_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT mirror_surveys_workspace_id_name_key UNIQUE (workspace_id, name),
        CONSTRAINT mirror_surveys_survey_fkey FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
      )`);

    await db.query(`
      CREATE TABLE mirror_survey_touchpoints (
        workspace_id    uuid NOT NULL,
        mirror_id       uuid NOT NULL,
        touchpoint_id   uuid NOT NULL,
        extra_staff_ids uuid[] NOT NULL DEFAULT '{}',
        CONSTRAINT mirror_survey_touchpoints_pkey PRIMARY KEY (workspace_id, mirror_id, touchpoint_id),
        CONSTRAINT mirror_survey_touchpoints_mirror_fkey FOREIGN KEY (workspace_id, mirror_id)
          REFERENCES mirror_surveys (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT mirror_survey_touchpoints_touchpoint_fkey FOREIGN KEY (workspace_id, touchpoint_id)
          REFERENCES touchpoints (workspace_id, id) ON DELETE CASCADE
      )`);

    await db.query(`
      CREATE TABLE mirror_answers (
        workspace_id   uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        mirror_id      uuid NOT NULL,
        touchpoint_id  uuid NOT NULL,
        user_id        uuid NOT NULL CONSTRAINT mirror_answers_user_id_fkey REFERENCES users(id) ON DELETE CASCADE,
        period_start   date NOT NULL,
        survey_version integer NOT NULL,
        answers        jsonb NOT NULL,
        submitted_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mirror_answers_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT mirror_answers_one_per_period_key UNIQUE (workspace_id, mirror_id, touchpoint_id, user_id, period_start),
        CONSTRAINT mirror_answers_touchpoint_fkey FOREIGN KEY (workspace_id, mirror_id, touchpoint_id)
          REFERENCES mirror_survey_touchpoints (workspace_id, mirror_id, touchpoint_id) ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mirror_answers`);
    await db.query(`DROP TABLE mirror_survey_touchpoints`);
    await db.query(`DROP TABLE mirror_surveys`);
  }
}
