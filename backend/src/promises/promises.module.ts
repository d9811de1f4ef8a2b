import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { JobsModule } from '../common/jobs/jobs.module';
import { CustomersModule } from '../customers/customers.module';
import { MembersModule } from '../members/members.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { UsersModule } from '../users/users.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { PromiseCalendars } from './promise-calendars';
import { PromiseDeadlinesJob } from './promise-deadlines.job';
import { PromiseDeadlinesRepository } from './promise-deadlines.repository';
import { PromiseReportRepository } from './promise-report.repository';
import { PromiseReportService } from './promise-report.service';
import { PromiseTimelineRepository } from './promise-timeline.repository';
import { PromiseTimelineSource } from './promise-timeline.source';
import { PromiseViews } from './promise-views';
import { PromiseEntity } from './promise.entity';
import { PromisesController } from './promises.controller';
import { PromisesRepository } from './promises.repository';
import { PromisesService } from './promises.service';

/**
 * The promise register (issue 17): promises to customers and the audit's improvement steps, due on the SLA clock,
 * reminded, escalated when overdue, and reported as kept / late / broken rates. PromisesService is the contract
 * other modules (the traffic-light audit) call.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PromiseEntity]),
    CasesReaderModule,
    CustomersModule,
    JobsModule,
    MembersModule,
    TouchpointsModule,
    UsersModule,
    WebhooksModule,
  ],
  controllers: [PromisesController],
  providers: [
    PromisesRepository,
    PromiseCalendars,
    PromisesService,
    PromiseViews,
    PromiseReportRepository,
    PromiseReportService,
    // Reminders before the due time and escalations after it.
    PromiseDeadlinesRepository,
    PromiseDeadlinesJob,
    // The customer timeline's "promise" kind (registered with CustomersModule's TimelineRegistry).
    PromiseTimelineRepository,
    PromiseTimelineSource,
  ],
  exports: [PromisesService, PromiseDeadlinesJob],
})
export class PromisesModule {}
