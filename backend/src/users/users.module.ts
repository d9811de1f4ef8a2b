import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from './user.entity';
import { PasswordHasher } from './password-hasher';
import { UsersReader } from './users.reader';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [UsersRepository, UsersService, UsersReader, PasswordHasher],
  // Not UsersRepository: other modules go through UsersService (accounts) or UsersReader (names on lists).
  exports: [UsersService, UsersReader, PasswordHasher],
})
export class UsersModule {}
