import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('expose-ssh-port', () => {
  test('reports port 22 on its argument', () => {
    expect(lintRule(rule, 'FROM x:1\nEXPOSE 80 22\n')).toEqual([
      { ruleId: 'expose-ssh-port', message: 'EXPOSE "22" opens port 22 (SSH): containers are entered with `docker exec`, not SSH.', line: 2, column: 11, endLine: 2, endColumn: 13, text: '22' },
    ]);
  });

  test('reports 22/tcp, a range holding 22, a host mapping and an ARG default', () => {
    const text = 'FROM x:1\nARG SSH=22\nexpose 22/TCP 20-25 2222:22 $SSH\n';
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['22/TCP', '20-25', '2222:22', '$SSH']);
  });

  test('accepts 22/udp, other ports and unknown values', () => {
    expect(lintRule(rule, 'FROM x:1\nARG P\nEXPOSE 22/udp 2222 220 $P\n')).toEqual([]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
