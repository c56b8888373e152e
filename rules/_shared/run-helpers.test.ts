import { describe, expect, test } from '@jest/globals';
import { isAndChain } from './run-helpers.js';

describe('isAndChain', () => {
  test('commands, pipelines, redirections, groups and quoted operators joined by && only', () => {
    for (const script of [
      'make',
      'make && make install',
      'curl -fsSL x | tar -xz 2>&1 && echo "a; b || c & d"',
      "echo 'x;y' && (cd /tmp && make; true) && { a || b; }",
      'make \\\n && make install # done; really',
      'test -n "$(a; b)" && ls &>/dev/null',
    ]) {
      expect([script, isAndChain(script)]).toEqual([script, true]);
    }
  });

  test('top-level ;, &, || or a line break end the chain', () => {
    for (const script of ['a; b', 'a && b || c', 'a & b', 'a\nb', 'if a; then b; fi', 'echo "unterminated']) {
      expect([script, isAndChain(script)]).toEqual([script, false]);
    }
  });
});
