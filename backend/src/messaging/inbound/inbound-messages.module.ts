import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../../customers/customers.module';
import { MessagingModule } from '../messaging.module';
import { GatewayInboundService } from './gateway-inbound.service';
import { InboundController } from './inbound.controller';
import { InboundEmailNonceEntity } from './inbound-email-nonce.entity';
import { InboundEmailService } from './inbound-email.service';
import { InboundLandingService } from './inbound-landing.service';
import { InboundNoncesRepository } from './inbound-nonces.repository';

/**
 * Customers' replies coming in: the signed inbound-email endpoint (raw MIME from a mail provider) and the gateway's
 * inbound messages, stored as inbound messages and handed to the registered handlers (cases).
 */
@Module({
  imports: [MessagingModule, CustomersModule, TypeOrmModule.forFeature([InboundEmailNonceEntity])],
  controllers: [InboundController],
  providers: [InboundNoncesRepository, InboundLandingService, InboundEmailService, GatewayInboundService],
  exports: [InboundEmailService],
})
export class InboundMessagesModule {}
