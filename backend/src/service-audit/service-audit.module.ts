import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { MentionsReaderModule } from '../mentions/mentions-reader.module';
import { PromisesModule } from '../promises/promises.module';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { UsersModule } from '../users/users.module';
import { AuditCheckEntity } from './audit-check.entity';
import { AuditChecksService } from './audit-checks.service';
import { AuditCriterionEntity } from './audit-criterion.entity';
import { AuditGridService } from './audit-grid.service';
import { AuditImprovementsService } from './audit-improvements.service';
import { AuditModelService } from './audit-model.service';
import { AuditProcessEntity } from './audit-process.entity';
import { AuditStepEntity } from './audit-step.entity';
import { AuditValuesService } from './audit-values.service';
import { ServiceAuditController } from './service-audit.controller';
import { ServiceAuditRepository } from './service-audit.repository';

/**
 * The traffic-light audit (issue 17): per touchpoint, processes → step scenarios → criteria with green/yellow
 * thresholds, computed monthly from cases, surveys and mentions or scored by hand with checklists; red cells raise
 * improvement steps in the promise register.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AuditProcessEntity, AuditStepEntity, AuditCriterionEntity, AuditCheckEntity]),
    CasesModule,
    ResponsesReaderModule,
    MentionsReaderModule,
    TouchpointsModule,
    UsersModule,
    PromisesModule,
  ],
  controllers: [ServiceAuditController],
  providers: [
    ServiceAuditRepository,
    AuditModelService,
    AuditValuesService,
    AuditGridService,
    AuditChecksService,
    AuditImprovementsService,
  ],
  exports: [AuditModelService, AuditChecksService, AuditGridService, AuditValuesService],
})
export class ServiceAuditModule {}
