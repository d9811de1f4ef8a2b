import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answering negative mentions in public (issue 19): per negative mention, the public answer (its text, its link and
 * when it went up) and the published findings (a public follow-up once the case found the root cause). The
 * investigate step lives in the mention's case and the compensate step in compensation grants; `revision` makes
 * every write conditional, so two people answering at once get a 409 instead of a silent overwrite.
 */
export class PublicAnswers1796970000000 implements MigrationInterface {
  name = 'PublicAnswers1796970000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mention_public_answers (
        workspace_id  uuid NOT NULL CONSTRAINT mention_public_answers_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        mention_id    uuid NOT NULL,
        answer_text   varchar(5000),
        answer_url    varchar(2000) CONSTRAINT mention_public_answers_answer_url_check CHECK (answer_url ~ '^https?://'),
        answered_at   timestamptz,
        answered_by   uuid CONSTRAINT mention_public_answers_answered_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        findings_text varchar(5000),
        findings_url  varchar(2000) CONSTRAINT mention_public_answers_findings_url_check CHECK (findings_url ~ '^https?://'),
        findings_at   timestamptz,
        findings_by   uuid CONSTRAINT mention_public_answers_findings_by_fkey REFERENCES users(id) ON DELETE SET NULL,
        revision      integer NOT NULL DEFAULT 1,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mention_public_answers_pkey PRIMARY KEY (workspace_id, mention_id),
        CONSTRAINT mention_public_answers_mention_fkey FOREIGN KEY (workspace_id, mention_id)
          REFERENCES mentions (workspace_id, id) ON DELETE CASCADE,
        -- Each step is recorded whole: a text, its link and its time together, or none of them.
        CONSTRAINT mention_public_answers_answer_whole_check
          CHECK ((answer_text IS NULL) = (answered_at IS NULL) AND (answer_url IS NULL OR answered_at IS NOT NULL)),
        CONSTRAINT mention_public_answers_findings_whole_check
          CHECK ((findings_text IS NULL) = (findings_at IS NULL) AND (findings_url IS NULL OR findings_at IS NOT NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mention_public_answers`);
  }
}
