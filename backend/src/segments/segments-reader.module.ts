import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SegmentEntity } from './segment.entity';
import { SegmentsReader } from './segments.reader';
import { SegmentsRepository } from './segments.repository';

/** SegmentsReader for the analytics modules; apart from SegmentsModule, whose breakdown uses those modules. */
@Module({
  imports: [TypeOrmModule.forFeature([SegmentEntity])],
  providers: [SegmentsRepository, SegmentsReader],
  exports: [SegmentsReader, SegmentsRepository],
})
export class SegmentsReaderModule {}
