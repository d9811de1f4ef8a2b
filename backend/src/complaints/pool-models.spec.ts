import { describe, expect, it } from 'vitest';
import { decodePoolModels, encodePoolModels } from './pool-models';

describe('pool models', () => {
  it('keeps each pool its bytes and offset, in order', () => {
    const models = [
      { pool: null, offset: 0, model: Buffer.from([1, 2, 3]) },
      { pool: 'dislikes', offset: 3, model: Buffer.from([4]) },
      { pool: 'likes', offset: 5, model: Buffer.from([5, 6]) },
    ];
    const decoded = decodePoolModels(encodePoolModels(models));
    expect(decoded.map((m) => ({ pool: m.pool, offset: m.offset, model: [...m.model] }))).toEqual([
      { pool: null, offset: 0, model: [1, 2, 3] },
      { pool: 'dislikes', offset: 3, model: [4] },
      { pool: 'likes', offset: 5, model: [5, 6] },
    ]);
  });

  it('reads a model stored before pools as the main pool at offset 0', () => {
    const legacy = Buffer.from([9, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
    expect(decodePoolModels(legacy)).toEqual([{ pool: null, offset: 0, model: legacy }]);
  });
});
