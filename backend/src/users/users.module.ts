import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from './user.entity';
import { PasswordHasher } from './password-hasher';
import { UsersReader } from './users.reader';
import { UsersRepository } from './users.repository';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [UsersRepository, UsersReader, PasswordHasher],
  exports: [UsersRepository, UsersReader, PasswordHasher],
})
export class UsersModule {}
