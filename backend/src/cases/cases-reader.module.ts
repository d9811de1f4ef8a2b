import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseEntity } from './case.entity';
import { CasesReader } from './cases.reader';

/** The one way other modules read cases; apart from CasesModule (which imports churn and customers) so readers make no module cycle. */
@Module({
  imports: [TypeOrmModule.forFeature([CaseEntity])],
  providers: [CasesReader],
  exports: [CasesReader],
})
export class CasesReaderModule {}
