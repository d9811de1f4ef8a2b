import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CancellationEntity } from './cancellation.entity';
import { ChurnReasonEntity } from './churn-reason.entity';
import { ChurnReader } from './churn.reader';

/** The one way other modules read churn reasons and cancellations; apart from ChurnModule so readers need none of its controllers or jobs. */
@Module({
  imports: [TypeOrmModule.forFeature([ChurnReasonEntity, CancellationEntity])],
  providers: [ChurnReader],
  exports: [ChurnReader],
})
export class ChurnReaderModule {}
