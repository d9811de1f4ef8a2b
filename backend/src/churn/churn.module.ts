import { Module } from '@nestjs/common';
import { ChurnReasonsController } from './churn-reasons.controller';
import { ChurnReasonsRepository } from './churn-reasons.repository';
import { ChurnReasonsService } from './churn-reasons.service';

@Module({
  controllers: [ChurnReasonsController],
  providers: [ChurnReasonsRepository, ChurnReasonsService],
  exports: [ChurnReasonsService],
})
export class ChurnModule {}
