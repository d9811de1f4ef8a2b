import { describe, expect, it } from 'vitest';
import { carryOverClusters, matchClusters } from './match';

const ids = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `${prefix}${from + i}`);

describe('matchClusters', () => {
  it('continues clusters that keep most of their members, even as they grow', () => {
    const previous = [
      { id: 'A', memberIds: ids('t', 0, 10) },
      { id: 'B', memberIds: ids('t', 10, 20) },
    ];
    // Rebuilt in another order, B lost one text to A, and new texts t20..t49 joined B.
    const rebuilt = [{ memberIds: [...ids('t', 11, 20), ...ids('t', 20, 50)] }, { memberIds: [...ids('t', 0, 10), 't10'] }];
    const mapping = matchClusters(previous, rebuilt);
    expect(mapping.continues).toEqual(['B', 'A']);
    expect(mapping.retired).toEqual([]);
    expect(mapping.splitFrom).toEqual([null, null]);
  });

  it('handles a merge: one id survives, the other is retired into it', () => {
    const previous = [
      { id: 'A', memberIds: ids('t', 0, 10) },
      { id: 'B', memberIds: ids('t', 10, 18) },
    ];
    const mapping = matchClusters(previous, [{ memberIds: ids('t', 0, 18) }]);
    // Jaccard A = 10/18 beats B = 8/18.
    expect(mapping.continues).toEqual(['A']);
    expect(mapping.retired).toEqual([{ id: 'B', absorbedBy: 0 }]);
  });

  it('handles a split: the larger part keeps the id, the smaller is new and remembers its origin', () => {
    const previous = [{ id: 'A', memberIds: ids('t', 0, 20) }];
    const mapping = matchClusters(previous, [{ memberIds: ids('t', 0, 8) }, { memberIds: ids('t', 8, 20) }]);
    expect(mapping.continues).toEqual([null, 'A']);
    expect(mapping.splitFrom).toEqual(['A', null]);
  });

  it('gives unrelated clusters no match and retires vanished ones', () => {
    const previous = [{ id: 'A', memberIds: ids('t', 0, 10) }];
    const mapping = matchClusters(previous, [{ memberIds: ids('u', 0, 10) }]);
    expect(mapping.continues).toEqual([null]);
    expect(mapping.retired).toEqual([{ id: 'A', absorbedBy: null }]);
  });

  it('breaks ties deterministically by previous id', () => {
    const previous = [
      { id: 'Z', memberIds: ids('t', 0, 5) },
      { id: 'M', memberIds: ids('t', 5, 10) },
    ];
    expect(matchClusters(previous, [{ memberIds: ids('t', 0, 10) }]).continues).toEqual(['M']);
  });
});

describe('carryOverClusters', () => {
  it('keeps ids and human-edited names across a rebuild; automatic names follow the new label', () => {
    const previous = [
      { id: 'c-1', memberIds: ids('t', 0, 10), label: 'Late couriers (ops team)', labelEdited: true },
      { id: 'c-2', memberIds: ids('t', 10, 20), label: 'refund, money', labelEdited: false },
    ];
    const rebuilt = [
      { memberIds: ids('t', 10, 22), label: 'refund, return' },
      { memberIds: [...ids('t', 0, 9), 't30', 't31'], label: 'courier, late' },
      { memberIds: ids('t', 40, 50), label: 'app crashes' },
    ];
    let next = 0;
    const { clusters, mapping } = carryOverClusters(previous, rebuilt, () => `new-${++next}`);
    expect(clusters.map((c) => [c.id, c.label, c.labelEdited, c.continuedFrom])).toEqual([
      ['c-2', 'refund, return', false, 'c-2'],
      ['c-1', 'Late couriers (ops team)', true, 'c-1'],
      ['new-1', 'app crashes', false, null],
    ]);
    expect(mapping.retired).toEqual([]);
  });
});
