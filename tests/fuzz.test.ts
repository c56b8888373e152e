import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { fixWithRules, lintWithRules } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { CORPUS_DIR, manifestFiles } from './corpus.js';
import { corpusMutation, dockerfileLike, mutate } from './arbitraries.js';

const config = { extends: 'all' as const };

describe('property-based fuzzing', () => {
  test('random Dockerfile-like text never throws, and the fix loop terminates', () => {
    fc.assert(
      fc.property(dockerfileLike, fc.boolean(), (text, crlf) => {
        const input = crlf ? text.replace(/\n/g, '\r\n') : text;
        const { result } = lintWithRules(input, rules, { config });
        expect(result.messages.filter((m) => m.fatal && m.ruleId !== null)).toEqual([]);
        const fixed = fixWithRules(input, rules, { config, unsafe: true });
        expect(fixed.passes).toBeLessThanOrEqual(10);
        expect(fixed.result.fatalErrorCount).toBeLessThanOrEqual(result.fatalErrorCount);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  }, 120_000);

  test('mutations of corpus files never throw', () => {
    const files = manifestFiles(CORPUS_DIR).filter((_, i) => i % 40 === 0);
    const mutation = corpusMutation(files.length);
    fc.assert(
      fc.property(mutation, (edit) => {
        const mutated = mutate((files[edit.file] as { text: string }).text, edit);
        const { result } = lintWithRules(mutated, rules, { config });
        expect(result.messages.filter((m) => m.fatal && m.ruleId !== null)).toEqual([]);
        expect(fixWithRules(mutated, rules, { config, unsafe: true }).passes).toBeLessThanOrEqual(10);
      }),
      { numRuns: 200, seed: 11292026 },
    );
  }, 180_000);
});
