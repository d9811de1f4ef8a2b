import { Module } from '@nestjs/common';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPoliciesRepository } from './sla-policies.repository';
import { SlaPoliciesService } from './sla-policies.service';
import { TouchpointsController } from './touchpoints.controller';
import { TouchpointsRepository } from './touchpoints.repository';
import { TouchpointsService } from './touchpoints.service';

/**
 * Touchpoint registry, journey map and SLA policies. Case figures come from whichever module provides
 * TOUCHPOINT_CASE_STATS (see case-stats.port.ts); without one the journey shows none.
 */
@Module({
  controllers: [SlaPoliciesController, TouchpointsController],
  providers: [SlaPoliciesRepository, SlaPoliciesService, TouchpointsRepository, TouchpointsService],
  exports: [SlaPoliciesService, TouchpointsService],
})
export class TouchpointsModule {}
