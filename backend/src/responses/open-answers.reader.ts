import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ResponseEntity } from './response.entity';
import { type CommentForClustering, RESPONSE_SENTIMENT } from './responses.reader';

/** An open answer of a response worth clustering, tagged with the text question it answers. */
export type OpenAnswerForClustering = CommentForClustering & {
  /** The text question it answers. */
  questionId: string;
  /** That question's text in the survey's default language (at most 300 characters). */
  questionLabel: string | null;
  /** The survey's first text question: its answer is the response's `comment`. */
  first: boolean;
  /** How many text questions the answered version has (1: the answer is the survey's only comment). */
  openQuestions: number;
};

/**
 * Every open answer of responses, one row per text question, for the complaints module's clustering (issue 17): the
 * likes, dislikes and suggestions of a "satisfaction by parameter" survey are clustered tagged with their question.
 */
@Injectable()
export class OpenAnswersReader {
  constructor(@InjectRepository(ResponseEntity) private readonly responses: Repository<ResponseEntity>) {}

  /**
   * Open answers (at least 3 characters) of responses changed since `since`, with the question and the survey's
   * touchpoint. Joins the answered version's questions to know which answers are texts (LATERAL over the jsonb
   * question list: raw SQL). Read in the caller's transaction when one is given.
   */
  changedSince(workspaceId: string, since: Date, manager?: EntityManager): Promise<OpenAnswerForClustering[]> {
    return (manager ? manager.getRepository(ResponseEntity) : this.responses).query(
      `SELECT r.id, t.question_id AS "questionId", left(t.label, 300) AS "questionLabel", t.first, t.open_questions::int AS "openQuestions", left(t.text, 5000) AS text,
              COALESCE(r.language, 'und') AS language, ${RESPONSE_SENTIMENT} AS sentiment, s.touchpoint_name AS "touchpointName",
              r.customer_external_id AS "customerExternalId", r.created_at::text AS "createdAt"
         FROM responses r
         JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
         JOIN survey_versions v ON v.workspace_id = r.workspace_id AND v.survey_id = r.survey_id AND v.version = r.survey_version
        CROSS JOIN LATERAL (
              SELECT q->>'id' AS question_id, COALESCE(q->'text'->>s.default_language, q->'text'->>'en') AS label,
                     r.answers->>(q->>'id') AS text, row_number() OVER (ORDER BY e.ord) = 1 AS first,
                     count(*) OVER () AS open_questions
                FROM jsonb_array_elements(v.questions) WITH ORDINALITY AS e(q, ord)
               WHERE q->>'type' = 'text') t
        WHERE r.workspace_id = $1 AND r.updated_at >= $2
          AND jsonb_typeof(r.answers->t.question_id) = 'string' AND length(trim(t.text)) >= 3`,
      [workspaceId, since],
    );
  }
}
