import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';

/**
 * 'allowed': a request of READ_REPLICA_ROUTES, whose aggregate reads may go to the replica (nothing moves by itself);
 * 'reading': inside readFromReplica of such a request, where new query runners are the replica's.
 */
type Scope = 'allowed' | 'reading';
const scope = new AsyncLocalStorage<Scope>();

/**
 * Marks a request whose aggregates may read the replica (ReadReplicaInterceptor, for READ_REPLICA_ROUTES only). Its
 * other queries — the survey, segment, touchpoint and settings it looks up first — stay on the primary, so a
 * definition saved a moment ago is always found and current.
 */
export function allowReplicaReads<T>(work: () => T): T {
  return scope.run('allowed', work);
}

/**
 * Runs one heavy aggregate read on the read replica (DATABASE_READ_URL) when the request allows it (see
 * allowReplicaReads), else on the primary as usual. Only what `work` starts goes there; a transaction begun inside
 * still goes to the primary (routeReadsToReplica). Keep `work` to reads: it must not start background work.
 */
export function readFromReplica<T>(work: () => Promise<T>): Promise<T> {
  return scope.getStore() === 'allowed' ? scope.run('reading', work) : work();
}

/**
 * Makes the data source hand out replica query runners inside readFromReplica. TypeORM sends a read to a replica only
 * when asked per query runner (replication.defaultMode is 'master', so a write's own reads never see a lagging copy);
 * this asks for every runner created in the scope, without threading a runner through each repository. A runner that
 * starts a transaction before it has connected (EntityManager.transaction makes one without a mode) connects to the
 * primary instead: transactions are for writes, which a hot standby refuses.
 */
export function routeReadsToReplica(dataSource: DataSource): void {
  if (!('replication' in dataSource.options) || !dataSource.options.replication) return;
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode: ReplicationMode = 'master') =>
    scope.getStore() === 'reading' ? primaryForTransactions(create('slave')) : create(mode);
}

/** The fields of TypeORM's PostgresQueryRunner that decide, at its first query, which pool it connects to. */
interface RunnerConnection {
  mode: ReplicationMode;
  databaseConnectionPromise?: Promise<unknown>;
}

function primaryForTransactions(runner: QueryRunner): QueryRunner {
  const startTransaction = runner.startTransaction.bind(runner);
  runner.startTransaction = (isolationLevel) => {
    const connection = runner as unknown as RunnerConnection;
    if (connection.databaseConnectionPromise === undefined) connection.mode = 'master';
    return startTransaction(isolationLevel);
  };
  return runner;
}
