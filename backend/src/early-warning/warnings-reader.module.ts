import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerWarningEntity } from './customer-warning.entity';
import { WarningsReader } from './warnings.reader';

/** The one way other modules read early warnings; apart from the early-warning module (which uses customers) so readers make no module cycle. */
@Module({
  imports: [TypeOrmModule.forFeature([CustomerWarningEntity])],
  providers: [WarningsReader],
  exports: [WarningsReader],
})
export class WarningsReaderModule {}
