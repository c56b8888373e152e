import { expect, test } from '@jest/globals';
import { availableParallelism } from 'node:os';
import { CORES_PER_THREAD, FILES_PER_THREAD, threadCount } from '../src/workers.js';

test('off and one thread lint in the calling thread; a number is capped by the number of files', () => {
  expect([threadCount('off', 5000), threadCount(1, 5000), threadCount(4, 5000), threadCount(4, 3), threadCount(4, 0)]).toEqual([1, 1, 4, 3, 1]);
});

test('auto starts a thread per FILES_PER_THREAD files, at most one per CORES_PER_THREAD cores', () => {
  const most = Math.max(1, Math.floor(availableParallelism() / CORES_PER_THREAD));
  expect(threadCount('auto', FILES_PER_THREAD - 1)).toBe(1);
  expect(threadCount('auto', 2 * FILES_PER_THREAD)).toBe(Math.min(most, 2));
  expect(threadCount('auto', 1000 * FILES_PER_THREAD)).toBe(most);
});
