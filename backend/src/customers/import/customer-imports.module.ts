import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers.module';
import { CustomerImportRunner } from './customer-import.runner';
import { CustomerImportsController } from './customer-imports.controller';
import { CustomerImportsRepository } from './customer-imports.repository';
import { CustomerImportsService } from './customer-imports.service';

/** CSV/XLSX customer import: upload, preview, mapping, background run with progress. */
@Module({
  imports: [CustomersModule],
  controllers: [CustomerImportsController],
  providers: [CustomerImportsRepository, CustomerImportsService, CustomerImportRunner],
})
export class CustomerImportsModule {}
