import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The `segmentId` query parameter of the analytics endpoints: only customers of this saved segment. */
export const SegmentIdQuery = () =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description: 'Only customers of this saved segment (404 segment_not_found if none)' }),
    IsOptional(),
    IsString(),
    MaxLength(64),
  );
