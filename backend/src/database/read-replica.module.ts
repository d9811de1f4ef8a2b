import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { routeReadsToReplica } from './read-replica';
import { ReadReplicaInterceptor } from './read-replica.interceptor';

@Injectable()
class ReadReplicaRouting implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    routeReadsToReplica(this.dataSource);
  }
}

/** DATABASE_READ_URL: the dashboards' aggregates (READ_REPLICA_ROUTES) read from the replica; a no-op when unset. */
@Module({
  providers: [ReadReplicaRouting, { provide: APP_INTERCEPTOR, useClass: ReadReplicaInterceptor }],
})
export class ReadReplicaModule {}
