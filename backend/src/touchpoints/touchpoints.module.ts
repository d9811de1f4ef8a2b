import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module';
import { SurveysModule } from '../surveys/surveys.module';
import { UsersModule } from '../users/users.module';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPoliciesRepository } from './sla-policies.repository';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaPolicyEntity } from './sla-policy.entity';
import { TouchpointPeople } from './touchpoint-people';
import { TouchpointEntity } from './touchpoint.entity';
import { TouchpointsController } from './touchpoints.controller';
import { TouchpointsReader } from './touchpoints.reader';
import { TouchpointsRepository } from './touchpoints.repository';
import { TouchpointsService } from './touchpoints.service';

/**
 * Touchpoint registry, journey map and SLA policies. Case figures come from whichever module provides
 * TOUCHPOINT_CASE_STATS (see case-stats.port.ts); without one the journey shows none. Other modules read touchpoints and
 * SLA policies through TouchpointsReader.
 */
@Module({
  imports: [
    ResponsesReaderModule,
    MembersModule,
    UsersModule,
    SurveysModule,
    TypeOrmModule.forFeature([SlaPolicyEntity, TouchpointEntity]),
  ],
  controllers: [SlaPoliciesController, TouchpointsController],
  providers: [SlaPoliciesRepository, SlaPoliciesService, TouchpointsRepository, TouchpointPeople, TouchpointsService, TouchpointsReader],
  exports: [SlaPoliciesService, TouchpointsService, TouchpointsReader],
})
export class TouchpointsModule {}
