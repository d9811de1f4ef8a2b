import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, ReplicationMode } from 'typeorm';

const replicaScope = new AsyncLocalStorage<true>();

/**
 * Runs `work` with the queries it starts on the read replica (DATABASE_READ_URL), except those inside a transaction or
 * on a query runner already taken: a dashboard's aggregates, which tolerate the replica's lag. Without a replica
 * (routeReadsToReplica not installed) everything stays on the primary.
 */
export function onReadReplica<T>(work: () => T): T {
  return replicaScope.run(true, work);
}

/**
 * Makes the data source hand out replica query runners inside onReadReplica. TypeORM sends a read to a replica only
 * when asked per query runner (replication.defaultMode is 'master', so a write's own reads never see a lagging copy);
 * this asks for every runner created in the scope, without threading a runner through each repository.
 */
export function routeReadsToReplica(dataSource: DataSource): void {
  if (!('replication' in dataSource.options) || !dataSource.options.replication) return;
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode: ReplicationMode = 'master') => create(replicaScope.getStore() ? 'slave' : mode);
}
