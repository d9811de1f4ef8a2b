import { Injectable, OnModuleInit } from '@nestjs/common';
import { PublicRoutes } from '../web/public-write/public-routes';
import { SubmitCancellationDto } from './cancellation-flows.dto';
import { CancellationFlowsService } from './cancellation-flows.service';

/** Declares the churn module's public routes: a cancellation flow's allowed origins, and its submissions. */
@Injectable()
export class PublicCancellationRoutes implements OnModuleInit {
  constructor(
    private readonly routes: PublicRoutes,
    private readonly flows: CancellationFlowsService,
  ) {}

  onModuleInit(): void {
    this.routes.register({
      target: 'cancellation-flow',
      origins: (publicKey) => this.flows.originsOf(publicKey),
      writes: {
        submissions: {
          dto: SubmitCancellationDto,
          handle: (publicKey, input: SubmitCancellationDto) => this.flows.submit(publicKey, input),
        },
      },
    });
  }
}
