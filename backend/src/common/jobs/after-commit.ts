import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

const pending = new WeakMap<QueryRunner, (() => void)[]>();

/**
 * Calls `fn` once the manager's transaction has committed (at once outside a transaction; never if it rolls back).
 * For wake-ups: a job woken before the commit would look for rows it cannot see yet.
 */
export function afterCommit(manager: EntityManager | undefined, fn: () => void): void {
  const runner = manager?.queryRunner;
  if (!runner?.isTransactionActive) return fn();
  const callbacks = pending.get(runner);
  if (callbacks) callbacks.push(fn);
  else pending.set(runner, [fn]);
}

/** Fires the callbacks of `afterCommit` when the outermost transaction ends (savepoints end with it). */
@Injectable()
export class AfterCommitHooks implements EntitySubscriberInterface, OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    if (queryRunner.isTransactionActive) return;
    const callbacks = pending.get(queryRunner) ?? [];
    pending.delete(queryRunner);
    for (const fn of callbacks) fn();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
  }
}
