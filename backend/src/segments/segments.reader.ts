import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '../common/http/api-error';
import { SegmentFilter } from './segment-filter';
import { SegmentsRepository } from './segments.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const segmentNotFound = () => new ApiError(HttpStatus.NOT_FOUND, 'segment_not_found', 'Segment not found');

/**
 * How other modules filter by a saved segment: the segment's rules as SQL over the customers table (SegmentFilter),
 * added to their own queries. A segment of another workspace is simply not found.
 */
@Injectable()
export class SegmentsReader {
  constructor(private readonly segments: SegmentsRepository) {}

  /** The filter of this segment; 404 segment_not_found when the workspace has no such segment. */
  async filter(workspaceId: string, segmentId: string): Promise<SegmentFilter> {
    const segment = UUID.test(segmentId) ? await this.segments.find(workspaceId, segmentId) : null;
    if (!segment) throw segmentNotFound();
    return new SegmentFilter(workspaceId, segment.rules);
  }

  /** The filter when a segment id was given, else undefined (no filter: the figures of all customers). */
  async optionalFilter(workspaceId: string, segmentId: string | undefined): Promise<SegmentFilter | undefined> {
    return segmentId === undefined ? undefined : this.filter(workspaceId, segmentId);
  }

  /** Every saved segment of the workspace with its filter, by name (breakdowns by segment). */
  async all(workspaceId: string): Promise<{ id: string; name: string; filter: SegmentFilter }[]> {
    const rows = await this.segments.list(workspaceId);
    return rows.map((row) => ({ id: row.id, name: row.name, filter: new SegmentFilter(workspaceId, row.rules) }));
  }
}
