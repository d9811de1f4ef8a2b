import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { RateLimitEntity } from './rate-limit.entity';
import { RateLimitSweepJob } from './rate-limit-sweep.job';
import { RateLimitsRepository } from './rate-limits.repository';
import { SharedRateLimiters } from './shared-rate-limiters';

/** Rate limits shared by the replicas (counters in PostgreSQL) and the sweep of their spent windows. */
@Module({
  imports: [TypeOrmModule.forFeature([RateLimitEntity]), JobsModule],
  providers: [SharedRateLimiters, RateLimitsRepository, RateLimitSweepJob],
  exports: [SharedRateLimiters],
})
export class RateLimitsModule {}
