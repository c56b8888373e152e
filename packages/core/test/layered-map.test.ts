import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { LayeredMap } from '../src/model/layered-map.js';

describe('LayeredMap', () => {
  test('every snapshot reads as the plain map it stands for, and later updates do not change it', () => {
    const update = fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'), fc.integer()), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(update, { maxLength: 60 }), (updates) => {
        let map = LayeredMap.of<number>([['BASE', 0]]);
        const snapshots: Array<[LayeredMap<number>, Map<string, number>]> = [];
        let plain = new Map<string, number>([['BASE', 0]]);
        for (const entries of updates) {
          map = map.with(new Map(entries));
          plain = new Map([...plain, ...entries]);
          snapshots.push([map, plain]);
        }
        for (const [snapshot, expected] of snapshots) {
          expect(new Map(snapshot)).toEqual(expected);
          expect(snapshot.size).toBe(expected.size);
          for (const key of ['A', 'E', 'H', 'BASE', 'missing']) {
            expect([key, snapshot.get(key), snapshot.has(key)]).toEqual([key, expected.get(key), expected.has(key)]);
          }
        }
      }),
    );
  });

  test('n updates copy O(n log n) entries and leave O(log n) layers', () => {
    const layers = (map: LayeredMap<number>): number => {
      let count = 0;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the private chain, counted from outside
      for (let layer: any = map; layer; layer = layer.parent) count++;
      return count;
    };
    let map = LayeredMap.of<number>();
    const start = process.cpuUsage();
    for (let i = 0; i < 100_000; i++) map = map.with(new Map([[`VAR_${i}`, i]]));
    const used = process.cpuUsage(start);
    expect(map.size).toBe(100_000);
    expect(map.get('VAR_0')).toBe(0);
    expect(map.get('VAR_99999')).toBe(99_999);
    // A binary counter of 100,000 has at most 17 digits (the empty base layer is one more).
    expect(layers(map)).toBeLessThanOrEqual(18);
    // Flattening the whole map every few layers took tens of seconds here; O(n log n) is well under one.
    expect((used.user + used.system) / 1000).toBeLessThan(5_000);
  });
});
