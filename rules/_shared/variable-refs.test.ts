import { describe, expect, test } from '@jest/globals';
import { renameVariableEdit, variableRefs } from './variable-refs.js';

describe('variableRefs', () => {
  test('finds plain, braced and nested references with their modifier and file offsets', () => {
    expect(variableRefs('a$A-${B:-$C}${D+x}', 10, '\\')).toEqual([
      { name: 'A', range: [11, 13], modifier: null },
      { name: 'B', range: [14, 22], modifier: ':-' },
      { name: 'C', range: [19, 21], modifier: null },
      { name: 'D', range: [22, 28], modifier: '+' },
    ]);
  });

  test('skips escaped dollars (with the file escape character) and non-names', () => {
    expect(variableRefs('\\$A $1 ${} $', 0, '\\')).toEqual([]);
    expect(variableRefs('`$A \\$B', 0, '`').map((r) => r.name)).toEqual(['B']);
  });

  test('renameVariableEdit replaces only the name', () => {
    const text = 'x ${OLD:-1} $OLD';
    const [braced, plain] = variableRefs(text, 0, '\\');
    expect([renameVariableEdit(braced!, text, 'NEW'), renameVariableEdit(plain!, text, 'NEW')]).toEqual([
      { range: [4, 7], text: 'NEW' },
      { range: [13, 16], text: 'NEW' },
    ]);
  });
});
