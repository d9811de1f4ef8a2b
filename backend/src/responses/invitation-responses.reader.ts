import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ResponseEntity } from './response.entity';

/** The response an invitation's token started (matched by its idempotency key), as the invitation statistics count it. */
export interface InvitationResponse {
  idempotencyKey: string;
  responseId: string;
  finished: boolean;
  answers: Record<string, unknown>;
}

/** What survey invitations read about responses: the language customers answer in, and the responses they started. */
@Injectable()
export class InvitationResponsesReader {
  constructor(@InjectRepository(ResponseEntity) private readonly responses: Repository<ResponseEntity>) {}

  /** Per customer, the language of their latest response that has one (any survey): the invitation speaks it. */
  async lastLanguages(workspaceId: string, externalIds: readonly string[]): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const rows = await this.responses
      .createQueryBuilder('r')
      .distinctOn(['r.customer_external_id'])
      .select('r.customer_external_id', 'externalId')
      .addSelect('r.language', 'language')
      .where('r.workspace_id = :workspaceId AND r.customer_external_id = ANY(:externalIds) AND r.language IS NOT NULL', {
        workspaceId,
        externalIds,
      })
      .orderBy('r.customer_external_id')
      .addOrderBy('r.created_at', 'DESC')
      .getRawMany<{ externalId: string; language: string }>();
    return new Map(rows.map((row) => [row.externalId, row.language]));
  }

  /** The responses of one survey with these idempotency keys (an invitation's response key is derived from its recipient). */
  byKeys(workspaceId: string, surveyId: string, idempotencyKeys: readonly string[]): Promise<InvitationResponse[]> {
    if (idempotencyKeys.length === 0) return Promise.resolve([]);
    return this.responses
      .createQueryBuilder('r')
      .select('r.idempotency_key', 'idempotencyKey')
      .addSelect('r.id', 'responseId')
      .addSelect('r.finished', 'finished')
      .addSelect('r.answers', 'answers')
      .where('r.workspace_id = :workspaceId AND r.survey_id = :surveyId AND r.idempotency_key = ANY(:idempotencyKeys)', {
        workspaceId,
        surveyId,
        idempotencyKeys,
      })
      .getRawMany<InvitationResponse>();
  }
}
