import { Module } from '@nestjs/common';
import { JobsModule } from '../common/jobs/jobs.module';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatchJob } from './webhook-dispatch.job';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEvents } from './webhook-events';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Outbound webhooks: endpoints, the signed delivery queue and its dispatcher. Other modules use WebhookEvents. */
@Module({
  imports: [JobsModule],
  controllers: [WebhooksController],
  providers: [WebhookEndpointsRepository, WebhookDeliveriesRepository, WebhookDispatchJob, WebhookEvents, WebhooksService],
  exports: [WebhookEvents],
})
export class WebhooksModule {}
