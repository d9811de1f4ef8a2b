import { Module } from '@nestjs/common';
import { CustomerIdentityController } from './customer-identity.controller';
import { CustomerIdentityService } from './customer-identity.service';
import { IdentitySecretsRepository } from './identity-secrets.repository';

/** Identity verification of widget customer ids (surveys and cancellation flows use CustomerIdentityService). */
@Module({
  controllers: [CustomerIdentityController],
  providers: [IdentitySecretsRepository, CustomerIdentityService],
  exports: [CustomerIdentityService],
})
export class CustomerIdentityModule {}
