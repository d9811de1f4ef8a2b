import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { offerProblems } from './default-reasons';
import type { CreateReasonDto, ReasonDto, UpdateReasonDto } from './churn-reasons.dto';
import { ChurnReasonsRepository } from './churn-reasons.repository';

/** The reason taxonomy. Keys are stable; labels, offers and flags change without touching history. */
@Injectable()
export class ChurnReasonsService {
  constructor(private readonly reasons: ChurnReasonsRepository) {}

  async list(workspaceId: string): Promise<ReasonDto[]> {
    await this.reasons.seedDefaults(workspaceId);
    return this.reasons.list(workspaceId);
  }

  async create(workspaceId: string, input: CreateReasonDto): Promise<ReasonDto> {
    assertOffer(input.offer);
    await this.reasons.seedDefaults(workspaceId);
    const created = await this.reasons.insert(workspaceId, {
      key: input.key,
      labels: input.labels,
      avoidable: input.avoidable,
      group: input.group ?? null,
      offer: input.offer ?? null,
      position: input.position ?? 1000,
    });
    if (!created) throw conflict('reason_exists', `A reason with the key "${input.key}" already exists; edit it instead.`);
    return (await this.reasons.find(workspaceId, input.key))!;
  }

  async update(workspaceId: string, key: string, input: UpdateReasonDto): Promise<ReasonDto> {
    assertOffer(input.offer);
    await this.reasons.seedDefaults(workspaceId);
    const current = await this.reasons.find(workspaceId, key);
    if (!current) throw notFound('Churn reason');
    const next: ReasonDto = {
      ...current,
      labels: input.labels ?? current.labels,
      avoidable: input.avoidable ?? current.avoidable,
      // null takes the reason out of its group; left out keeps it.
      group: input.group === undefined ? current.group : input.group,
      offer: input.offer === undefined ? current.offer : input.offer,
      position: input.position ?? current.position,
      archived: input.archived ?? current.archived,
    };
    await this.reasons.update(workspaceId, key, next);
    return next;
  }
}

function assertOffer(offer: CreateReasonDto['offer']): void {
  const problems = offerProblems(offer, 'offer');
  if (problems.length) throw validationError(problems);
}
