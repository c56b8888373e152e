import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('expose-port-range', () => {
  test('reports a port above 65535 on its argument', () => {
    expect(lintRule(rule, 'FROM x:1\nEXPOSE 80 80000/tcp\n')).toEqual([
      { ruleId: 'expose-port-range', message: 'Port 80000 is out of range: valid ports are 0 to 65535.', line: 2, column: 11, endLine: 2, endColumn: 20, text: '80000/tcp' },
    ]);
  });

  test('reports ranges out of bounds or reversed, and words that are not ports', () => {
    const text = 'FROM x:1\nexpose 65530-65540 9000-8000 http\n';
    expect(lintRule(rule, text).map((f) => [f.text, f.message])).toEqual([
      ['65530-65540', 'Port 65540 is out of range: valid ports are 0 to 65535.'],
      ['9000-8000', 'Port range "9000-8000" ends before it starts.'],
      ['http', 'EXPOSE "http" is not a port number or a port range.'],
    ]);
  });

  test('checks ports that come from an ARG default and skips unknown ones', () => {
    const text = 'FROM x:1\nARG PORT=70000\nARG OTHER\nEXPOSE $PORT ${OTHER}\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([[4, '$PORT', 'Port 70000 is out of range: valid ports are 0 to 65535.']]);
  });

  test('accepts 0 and 65535, ranges and host mappings of valid ports', () => {
    expect(lintRule(rule, 'FROM x:1\nEXPOSE 0 65535 8000-8010/udp 8080:80 \\\n  443\n')).toEqual([]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
