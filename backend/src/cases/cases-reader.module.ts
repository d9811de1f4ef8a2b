import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { CasesForCompensation } from './cases-for-compensation';
import { CasesForPromises } from './cases-for-promises';
import { CasesReader } from './cases.reader';
import { ClosedCasesReader } from './closed-cases.reader';

/** The one way other modules read cases; apart from CasesModule (which imports churn and customers) so readers make no module cycle. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity, CaseEventEntity])],
  providers: [CasesReader, CasesForPromises, ClosedCasesReader, CasesForCompensation],
  exports: [CasesReader, CasesForPromises, ClosedCasesReader, CasesForCompensation],
})
export class CasesReaderModule {}
