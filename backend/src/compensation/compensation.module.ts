import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { COMPENSATION_LOOKUP } from '../common/recovery/compensation-lookup.port';
import { CompensationBudgetEntity } from './compensation-budget.entity';
import { CompensationBudgetsRepository } from './compensation-budgets.repository';
import { CompensationGrantEntity } from './compensation-grant.entity';
import { CompensationGrantsRepository } from './compensation-grants.repository';
import { CompensationLookupService } from './compensation-lookup.service';

/**
 * Compensation within a budget: budgets per role and member, grants on cases (approved at once within the granter's
 * budget, else waiting for an admin), the ledger and the report. Others read a case's compensation through
 * COMPENSATION_LOOKUP (common/recovery), found with ModuleRef, so none of them imports this module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CompensationBudgetEntity, CompensationGrantEntity])],
  providers: [
    CompensationBudgetsRepository,
    CompensationGrantsRepository,
    CompensationLookupService,
    { provide: COMPENSATION_LOOKUP, useExisting: CompensationLookupService },
  ],
  exports: [COMPENSATION_LOOKUP],
})
export class CompensationModule {}
