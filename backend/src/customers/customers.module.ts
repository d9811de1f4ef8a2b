import { MembersModule } from '../members/members.module';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { ChurnReaderModule } from '../churn/churn-reader.module';
import { WarningsReaderModule } from '../early-warning/warnings-reader.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { CustomerLossesReader } from './customer-losses.reader';
import { CustomerOutcomesReader } from './customer-outcomes.reader';
import { ManagersReportController } from './managers/managers-report.controller';
import { ManagersReportService } from './managers/managers-report.service';
import { UsersModule } from '../users/users.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityReader } from './activity/activity.reader';
import { ACTIVITY_CONTROLLERS, ACTIVITY_ENTITIES, ACTIVITY_PROVIDERS } from './activity';
import { CustomerEntity } from './customer.entity';
import { CustomerNames } from './customer-names';
import { CustomersController } from './customers.controller';
import { CustomersReader } from './customers.reader';
import { InvitationAudienceReader } from './invitation-audience.reader';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { TIMELINE_CONTROLLERS, TIMELINE_PROVIDERS, TimelineRegistry } from './timeline';
import { STATUS_CONTROLLERS, STATUS_ENTITIES, STATUS_IMPORTS, STATUS_PROVIDERS, CustomerStatusService } from './status';

@Module({
  imports: [
    ResponsesReaderModule,
    SegmentsReaderModule,
    CasesReaderModule,
    ChurnReaderModule,
    WarningsReaderModule,
    TouchpointsModule,
    MembersModule,
    UsersModule,
    ...STATUS_IMPORTS,
    TypeOrmModule.forFeature([CustomerEntity, ...ACTIVITY_ENTITIES, ...STATUS_ENTITIES]),
  ],
  // Activity first: its fixed paths (customers/rfm, customers/activity/…) must win over customers/:externalId.
  controllers: [...ACTIVITY_CONTROLLERS, ...STATUS_CONTROLLERS, ManagersReportController, CustomersController, ...TIMELINE_CONTROLLERS],
  providers: [
    ...ACTIVITY_PROVIDERS,
    ActivityReader,
    CustomersRepository,
    CustomersReader,
    InvitationAudienceReader,
    CustomerLossesReader,
    CustomerOutcomesReader,
    ManagersReportService,
    CustomersService,
    CustomerNames,
    ...TIMELINE_PROVIDERS,
    ...STATUS_PROVIDERS,
  ],
  exports: [
    CustomersReader,
    InvitationAudienceReader,
    CustomerLossesReader,
    CustomerOutcomesReader,
    CustomersService,
    CustomerNames,
    TimelineRegistry,
    CustomerStatusService,
    ActivityReader,
  ],
})
export class CustomersModule {}
