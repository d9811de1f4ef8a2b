/**
 * A frozen ClusterModel as bytes (for a database column or a file) and back, so a service can place new
 * texts after a restart without re-clustering. Layout: uint32 header length, UTF-8 JSON header (options,
 * terms in column order, shapes), then the Float64 arrays and the word-block flags, each 8-byte aligned.
 */
import type { FeatureOptions } from './features';
import type { ClusterModel } from './engine';

const VERSION = 1;

interface Header {
  version: number;
  options: FeatureOptions;
  terms: string[];
  k: number;
  l: number;
  clusterCount: number;
}

const pad8 = (n: number): number => (n + 7) & ~7;

export function encodeModel(model: ClusterModel): Buffer {
  const terms = new Array<string>(model.vocabulary.idf.length);
  for (const [term, col] of model.vocabulary.index) terms[col] = term;
  const header: Header = {
    version: VERSION,
    options: model.vocabulary.options,
    terms,
    k: model.projection.k,
    l: model.projection.l,
    clusterCount: model.clusterCount,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const arrays = [
    model.vocabulary.idf,
    model.projection.bt,
    model.projection.p,
    model.projection.singularValues,
    model.centroids,
    model.thresholds,
  ];
  const flags = model.vocabulary.isWord;
  const start = pad8(4 + json.length);
  const size = start + arrays.reduce((s, a) => s + a.byteLength, 0) + pad8(flags.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  let at = start;
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += a.byteLength;
  }
  Buffer.from(flags.buffer, flags.byteOffset, flags.byteLength).copy(out, at);
  return out;
}

export function decodeModel(bytes: Uint8Array): ClusterModel {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + length).toString('utf8')) as Header;
  if (header.version !== VERSION) throw new Error(`unsupported cluster model version ${header.version}`);
  const d = header.terms.length;
  const { k, l, clusterCount } = header;
  // Copy into a fresh aligned buffer so the Float64Array views are valid whatever the input's offset.
  const body = new Uint8Array(buf.subarray(pad8(4 + length)));
  let at = 0;
  const take = (count: number): Float64Array => {
    const a = new Float64Array(body.buffer, at, count);
    at += count * 8;
    return a;
  };
  const idf = take(d);
  const bt = take(d * l);
  const p = take(l * k);
  const singularValues = take(k);
  const centroids = take(clusterCount * k);
  const thresholds = take(clusterCount);
  const isWord = new Uint8Array(body.buffer, at, d);
  if (at + d > body.byteLength) throw new Error('cluster model bytes are truncated');
  return {
    vocabulary: { options: header.options, index: new Map(header.terms.map((t, i) => [t, i])), idf, isWord },
    projection: { k, l, bt, p, singularValues },
    centroids,
    thresholds,
    clusterCount,
  };
}
