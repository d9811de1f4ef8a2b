import { Injectable } from '@nestjs/common';
import { conflict } from '../common/http/api-error';
import { validationError } from '../common/http/validation.pipe';
import { CustomersReader } from '../customers/customers.reader';
import { SegmentFilter } from './segment-filter';
import { checkRules, type SegmentCondition } from './segment-rules';
import type { CreateSegmentDto, SegmentDto, SegmentPreviewDto, UpdateSegmentDto } from './segments.dto';
import { segmentNotFound } from './segments.reader';
import { SegmentNameTaken, type SegmentRow, SegmentsRepository } from './segments.repository';

/** Saved segments per workspace: enough for any real use; every one is a row of the breakdown report. */
export const MAX_SEGMENTS = 50;
const PREVIEW_SIZE = 20;

const toDto = (row: SegmentRow): SegmentDto => ({
  id: row.id,
  name: row.name,
  rules: row.rules,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Rules as stored: checked, or a 400 that names the bad condition (nothing is stored). */
function checked(raw: unknown): SegmentCondition[] {
  const { rules, errors } = checkRules(raw);
  if (errors.length) throw validationError(errors, 'segment rules', 'conditions');
  return rules;
}

const nameTaken = () => conflict('segment_name_taken', 'Another segment of this workspace has this name');

@Injectable()
export class SegmentsService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly customers: CustomersReader,
  ) {}

  async list(workspaceId: string): Promise<SegmentDto[]> {
    return (await this.segments.list(workspaceId)).map(toDto);
  }

  async get(workspaceId: string, id: string): Promise<SegmentDto> {
    const row = await this.segments.find(workspaceId, id);
    if (!row) throw segmentNotFound();
    return toDto(row);
  }

  async create(workspaceId: string, userId: string | null, body: CreateSegmentDto): Promise<SegmentDto> {
    const rules = checked(body.rules);
    if ((await this.segments.count(workspaceId)) >= MAX_SEGMENTS) {
      throw conflict('segment_limit_reached', `A workspace keeps at most ${MAX_SEGMENTS} segments; delete one first`);
    }
    try {
      return toDto(await this.segments.create(workspaceId, { name: body.name, rules, createdBy: userId }));
    } catch (error) {
      if (error instanceof SegmentNameTaken) throw nameTaken();
      throw error;
    }
  }

  async update(workspaceId: string, id: string, body: UpdateSegmentDto): Promise<SegmentDto> {
    const rules = body.rules === undefined ? undefined : checked(body.rules);
    try {
      const row = await this.segments.update(workspaceId, id, { name: body.name, rules });
      if (!row) throw segmentNotFound();
      return toDto(row);
    } catch (error) {
      if (error instanceof SegmentNameTaken) throw nameTaken();
      throw error;
    }
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    if (!(await this.segments.delete(workspaceId, id))) throw segmentNotFound();
  }

  /** How many customers the rules match now, and the first 20 by name; nothing is saved. */
  async preview(workspaceId: string, rawRules: unknown): Promise<SegmentPreviewDto> {
    const { total, items } = await this.customers.inSegment(new SegmentFilter(workspaceId, checked(rawRules)), PREVIEW_SIZE);
    return {
      total,
      items: items.map((c) => ({ id: c.id, externalId: c.externalId, name: c.name, status: c.colourStatus })),
    };
  }
}
