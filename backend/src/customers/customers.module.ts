import { Module } from '@nestjs/common';
import { CustomersController } from './customers.controller';
import { CustomersRepository } from './customers.repository';
import { CustomersService } from './customers.service';
import { TIMELINE_CONTROLLERS, TIMELINE_PROVIDERS, TimelineRegistry } from './timeline';

@Module({
  controllers: [CustomersController, ...TIMELINE_CONTROLLERS],
  providers: [CustomersRepository, CustomersService, ...TIMELINE_PROVIDERS],
  exports: [CustomersRepository, CustomersService, TimelineRegistry],
})
export class CustomersModule {}
