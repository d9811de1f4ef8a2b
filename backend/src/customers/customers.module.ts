import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerEntity } from './customer.entity';
import { CustomerNames } from './customer-names';
import { CustomersController } from './customers.controller';
import { CustomersReader } from './customers.reader';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { TIMELINE_CONTROLLERS, TIMELINE_PROVIDERS, TimelineRegistry } from './timeline';

@Module({
  imports: [ResponsesReaderModule, TypeOrmModule.forFeature([CustomerEntity])],
  controllers: [CustomersController, ...TIMELINE_CONTROLLERS],
  providers: [CustomersRepository, CustomersReader, CustomersService, CustomerNames, ...TIMELINE_PROVIDERS],
  exports: [CustomersReader, CustomersService, CustomerNames, TimelineRegistry],
})
export class CustomersModule {}
