import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { ChurnReaderModule } from '../churn/churn-reader.module';
import { COMPENSATION_LOOKUP } from '../common/recovery/compensation-lookup.port';
import { CustomersModule } from '../customers/customers.module';
import { MembersModule } from '../members/members.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { UsersModule } from '../users/users.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { CompensationBudgetEntity } from './compensation-budget.entity';
import { CompensationBudgetsRepository } from './compensation-budgets.repository';
import { CompensationBudgetsService } from './compensation-budgets.service';
import { CompensationGrantEntity } from './compensation-grant.entity';
import { CompensationGrantsRepository } from './compensation-grants.repository';
import { CompensationLedgerService } from './compensation-ledger.service';
import { CompensationLookupService } from './compensation-lookup.service';
import { CompensationReportService } from './compensation-report.service';
import { CompensationViews } from './compensation-views';
import { CompensationController } from './compensation.controller';
import { CompensationService } from './compensation.service';

/**
 * Compensation within a budget: budgets per role and member, grants on cases (approved at once within the granter's
 * budget, else waiting for an admin), the ledger and the report. Others read a case's compensation through
 * COMPENSATION_LOOKUP (common/recovery), found with ModuleRef, so none of them imports this module.
 */
@Module({
  imports: [
    CasesReaderModule,
    ChurnReaderModule,
    CustomersModule,
    MembersModule,
    TouchpointsModule,
    UsersModule,
    WebhooksModule,
    TypeOrmModule.forFeature([CompensationBudgetEntity, CompensationGrantEntity]),
  ],
  controllers: [CompensationController],
  providers: [
    CompensationBudgetsRepository,
    CompensationGrantsRepository,
    CompensationBudgetsService,
    CompensationService,
    CompensationLedgerService,
    CompensationReportService,
    CompensationViews,
    CompensationLookupService,
    { provide: COMPENSATION_LOOKUP, useExisting: CompensationLookupService },
  ],
  exports: [CompensationService, COMPENSATION_LOOKUP],
})
export class CompensationModule {}
