import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { UsersModule } from '../users/users.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACTIVITY_CONTROLLERS, ACTIVITY_ENTITIES, ACTIVITY_PROVIDERS } from './activity';
import { CustomerEntity } from './customer.entity';
import { CustomerNames } from './customer-names';
import { CustomersController } from './customers.controller';
import { CustomersReader } from './customers.reader';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { TIMELINE_CONTROLLERS, TIMELINE_PROVIDERS, TimelineRegistry } from './timeline';
import { STATUS_CONTROLLERS, STATUS_ENTITIES, STATUS_IMPORTS, STATUS_PROVIDERS, CustomerStatusService } from './status';

@Module({
  imports: [
    MembersModule,
    UsersModule,
    ...STATUS_IMPORTS,
    ResponsesReaderModule,
    SegmentsReaderModule,
    TypeOrmModule.forFeature([CustomerEntity, ...STATUS_ENTITIES, ...ACTIVITY_ENTITIES]),
  ],
  // Activity first: its fixed paths (customers/rfm, customers/activity/…) must win over customers/:externalId.
  controllers: [...STATUS_CONTROLLERS, ...ACTIVITY_CONTROLLERS, CustomersController, ...TIMELINE_CONTROLLERS],
  providers: [
    ...ACTIVITY_PROVIDERS,
    CustomersRepository,
    CustomersReader,
    CustomersService,
    CustomerNames,
    ...TIMELINE_PROVIDERS,
    ...STATUS_PROVIDERS,
  ],
  exports: [CustomersReader, CustomersService, CustomerNames, TimelineRegistry, CustomerStatusService],
})
export class CustomersModule {}
