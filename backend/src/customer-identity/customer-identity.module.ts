import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerIdentityController } from './customer-identity.controller';
import { CustomerIdentityService } from './customer-identity.service';
import { IdentitySecretEntity } from './identity-secret.entity';
import { IdentitySecretsRepository } from './identity-secrets.repository';

/** Identity verification of widget customer ids (surveys and cancellation flows use CustomerIdentityService). */
@Module({
  imports: [TypeOrmModule.forFeature([IdentitySecretEntity])],
  controllers: [CustomerIdentityController],
  providers: [IdentitySecretsRepository, CustomerIdentityService],
  exports: [CustomerIdentityService],
})
export class CustomerIdentityModule {}
