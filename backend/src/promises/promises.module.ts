import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { MembersModule } from '../members/members.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { PromiseCalendars } from './promise-calendars';
import { PromiseEntity } from './promise.entity';
import { PromisesRepository } from './promises.repository';
import { PromisesService } from './promises.service';

/**
 * The promise register (issue 17): promises to customers and the audit's improvement steps, due on the SLA clock,
 * reminded, escalated when overdue, and reported as kept / broken / late rates. PromisesService is the contract
 * other modules (the traffic-light audit) call.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PromiseEntity]), CasesReaderModule, MembersModule, TouchpointsModule],
  providers: [PromisesRepository, PromiseCalendars, PromisesService],
  exports: [PromisesService],
})
export class PromisesModule {}
