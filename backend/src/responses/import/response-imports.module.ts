import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../../common/jobs/jobs.module';
import { CustomersModule } from '../../customers/customers.module';
import { SurveysModule } from '../../surveys/surveys.module';
import { ResponseImportChunkEntity } from './response-import-chunk.entity';
import { ResponseImportErrorEntity } from './response-import-error.entity';
import { ResponseImportSweepJob } from './response-import-sweep.job';
import { ResponseImportEntity } from './response-import.entity';
import { ResponseImportRunner } from './response-import.runner';
import { ResponseImportsController } from './response-imports.controller';
import { ResponseImportsRepository } from './response-imports.repository';
import { ResponseImportsService } from './response-imports.service';

/** CSV import of a survey's historical responses: upload, preview, mapping, a background run with progress (issue 20). */
@Module({
  imports: [
    SurveysModule,
    CustomersModule,
    JobsModule,
    TypeOrmModule.forFeature([ResponseImportEntity, ResponseImportChunkEntity, ResponseImportErrorEntity]),
  ],
  controllers: [ResponseImportsController],
  providers: [ResponseImportsRepository, ResponseImportsService, ResponseImportRunner, ResponseImportSweepJob],
})
export class ResponseImportsModule {}
