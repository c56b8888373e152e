import { describe, expect, test } from '@jest/globals';
import { editDistance, nearest } from './nearest.js';

describe('nearest', () => {
  test('edit distance counts a swap of neighbours as one edit', () => {
    expect([editDistance('FORM', 'FROM'), editDistance('RUNN', 'RUN'), editDistance('abc', 'abc'), editDistance('', 'ab'), editDistance('kitten', 'sitting')]).toEqual([1, 1, 0, 2, 3]);
  });

  test('picks the one close candidate, case-insensitively, and nothing on a tie or when far', () => {
    expect(nearest('copyy', ['COPY', 'CMD'])).toBe('COPY');
    expect(nearest('ab', ['ac', 'ad'])).toBeNull();
    expect(nearest('apt-get', ['RUN', 'COPY'])).toBeNull();
    expect(nearest('NODE_VERION', ['NODE_VERSION', 'NODE_ENV'])).toBe('NODE_VERSION');
    expect(nearest('X', [])).toBeNull();
  });
});
