import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityController } from './activity/activity.controller';
import { ActivityRepository } from './activity/activity.repository';
import { ActivityService } from './activity/activity.service';
import { CustomerActivityEntity } from './activity/customer-activity.entity';
import { CustomerEntity } from './customer.entity';
import { CustomerNames } from './customer-names';
import { CustomersController } from './customers.controller';
import { CustomersReader } from './customers.reader';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { TIMELINE_CONTROLLERS, TIMELINE_PROVIDERS, TimelineRegistry } from './timeline';

@Module({
  imports: [ResponsesReaderModule, TypeOrmModule.forFeature([CustomerEntity, CustomerActivityEntity])],
  // Activity first: its fixed paths (customers/rfm, customers/activity/…) must win over customers/:externalId.
  controllers: [ActivityController, CustomersController, ...TIMELINE_CONTROLLERS],
  providers: [
    ActivityRepository,
    ActivityService,
    CustomersRepository,
    CustomersReader,
    CustomersService,
    CustomerNames,
    ...TIMELINE_PROVIDERS,
  ],
  exports: [CustomersReader, CustomersService, CustomerNames, TimelineRegistry],
})
export class CustomersModule {}
