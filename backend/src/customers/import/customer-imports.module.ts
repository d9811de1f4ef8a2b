import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../../common/jobs/jobs.module';
import { CustomersModule } from '../customers.module';
import { CustomerImportSweepJob } from './customer-import-sweep.job';
import { CustomerImportErrorEntity } from './customer-import-error.entity';
import { CustomerImportRowEntity } from './customer-import-row.entity';
import { CustomerImportEntity } from './customer-import.entity';
import { CustomerImportRunner } from './customer-import.runner';
import { CustomerImportsController } from './customer-imports.controller';
import { CustomerImportsRepository } from './customer-imports.repository';
import { CustomerImportsService } from './customer-imports.service';

/** CSV/XLSX customer import: upload, preview, mapping, background run with progress. */
@Module({
  imports: [
    CustomersModule,
    JobsModule,
    TypeOrmModule.forFeature([CustomerImportEntity, CustomerImportRowEntity, CustomerImportErrorEntity]),
  ],
  controllers: [CustomerImportsController],
  providers: [CustomerImportsRepository, CustomerImportsService, CustomerImportRunner, CustomerImportSweepJob],
})
export class CustomerImportsModule {}
