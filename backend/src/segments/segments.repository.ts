import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import type { SegmentCondition } from './segment-rules';
import { SegmentEntity } from './segment.entity';

export type SegmentRow = Pick<SegmentEntity, 'id' | 'name' | 'createdBy' | 'createdAt' | 'updatedAt'> & { rules: SegmentCondition[] };

const COLUMNS: (keyof SegmentEntity)[] = ['id', 'name', 'rules', 'createdBy', 'createdAt', 'updatedAt'];

/** Thrown when another segment of the workspace has the name (case-insensitively). */
export class SegmentNameTaken extends Error {}

const isNameTaken = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'segments_name_key';

/** The workspace's saved segments; every statement is scoped by workspace. */
@Injectable()
export class SegmentsRepository {
  constructor(@InjectRepository(SegmentEntity) private readonly segments: Repository<SegmentEntity>) {}

  list(workspaceId: string): Promise<SegmentRow[]> {
    return this.segments.find({ select: COLUMNS, where: { workspaceId }, order: { name: 'ASC', id: 'ASC' } }) as Promise<SegmentRow[]>;
  }

  find(workspaceId: string, id: string): Promise<SegmentRow | null> {
    return this.segments.findOne({ select: COLUMNS, where: { workspaceId, id } }) as Promise<SegmentRow | null>;
  }

  count(workspaceId: string): Promise<number> {
    return this.segments.countBy({ workspaceId });
  }

  async create(workspaceId: string, fields: { name: string; rules: SegmentCondition[]; createdBy: string | null }): Promise<SegmentRow> {
    try {
      const saved = await this.segments.save(this.segments.create({ workspaceId, ...fields }));
      return (await this.find(workspaceId, saved.id))!;
    } catch (error) {
      if (isNameTaken(error)) throw new SegmentNameTaken();
      throw error;
    }
  }

  /** Null when there is no such segment in the workspace. */
  async update(workspaceId: string, id: string, fields: { name?: string; rules?: SegmentCondition[] }): Promise<SegmentRow | null> {
    try {
      const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const result = await this.segments.update({ workspaceId, id }, { ...set, updatedAt: () => 'now()' });
      return result.affected ? this.find(workspaceId, id) : null;
    } catch (error) {
      if (isNameTaken(error)) throw new SegmentNameTaken();
      throw error;
    }
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    return ((await this.segments.delete({ workspaceId, id })).affected ?? 0) > 0;
  }
}
