/**
 * A rebuild trains one model per pool (the main pool and each question clustered on its own, issue 17); a run keeps
 * them in its one `model` column: a small JSON header (each pool's byte length and where its clusters start in the
 * run's model_cluster_ids), then the encoded models one after another. A run stored before pools is one main-pool model.
 */
export interface PoolModel {
  /** The question clustered on its own; null for the main pool. */
  pool: string | null;
  /** Where this model's cluster 0 sits in the run's model_cluster_ids. */
  offset: number;
  model: Buffer;
}

const MAGIC = Buffer.from('OKPOOLS1');

export function encodePoolModels(models: readonly PoolModel[]): Buffer {
  const header = Buffer.from(JSON.stringify(models.map((m) => ({ pool: m.pool, offset: m.offset, bytes: m.model.length }))));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return Buffer.concat([MAGIC, length, header, ...models.map((m) => m.model)]);
}

export function decodePoolModels(bytes: Buffer): PoolModel[] {
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return [{ pool: null, offset: 0, model: bytes }];
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const header = JSON.parse(bytes.subarray(at, at + headerLength).toString('utf8')) as {
    pool: string | null;
    offset: number;
    bytes: number;
  }[];
  at += headerLength;
  return header.map((entry) => {
    const model = bytes.subarray(at, at + entry.bytes);
    at += entry.bytes;
    return { pool: entry.pool, offset: entry.offset, model };
  });
}
