import { describe, expect, test } from '@jest/globals';
import { expandVariables, parseDockerfile } from '@dockerfile-opt/core';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('maintainer-deprecated', () => {
  test('reports MAINTAINER on its keyword, naming the label to use', () => {
    expect(lintRule(rule, 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.org>\n')).toEqual([
      {
        ruleId: 'maintainer-deprecated',
        message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="Jane Doe <jane@example.org>".',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 11,
        text: 'MAINTAINER',
      },
    ]);
  });

  test('accepts a file without MAINTAINER, and an authors label', () => {
    expect(lintRule(rule, 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe"\nRUN echo MAINTAINER\n')).toEqual([]);
  });

  test('fix replaces the instruction with a double-quoted authors label; fixing twice changes nothing', () => {
    const fixed = fixRule(rule, 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.org>\nRUN true\n');
    expect(fixed).toBe('FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.org>"\nRUN true\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('quotes inside the author are escaped; quotes around the whole author are dropped', () => {
    expect(fixRule(rule, 'FROM x:1\nMAINTAINER John "Johnny" Doe <j@x.org>\n')).toBe('FROM x:1\nLABEL org.opencontainers.image.authors="John \\"Johnny\\" Doe <j@x.org>"\n');
    expect(fixRule(rule, 'FROM x:1\nMAINTAINER "Jane Doe"\n')).toBe('FROM x:1\nLABEL org.opencontainers.image.authors="Jane Doe"\n');
    expect(fixRule(rule, "FROM x:1\nMAINTAINER 'Jane Doe'\n")).toBe('FROM x:1\nLABEL org.opencontainers.image.authors="Jane Doe"\n');
    expect(fixRule(rule, 'FROM x:1\nMAINTAINER "a" and "b"\n')).toBe('FROM x:1\nLABEL org.opencontainers.image.authors="\\"a\\" and \\"b\\""\n');
    expect(lintRule(rule, 'FROM x:1\nMAINTAINER "Jane Doe"\n').map((f) => f.message)).toEqual(['MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="Jane Doe".']);
  });

  test('the label value Docker reads back is the author MAINTAINER named', () => {
    for (const author of ['John "Johnny" Doe <j@x.org>', '$USER at corp\\dept', 'a "b" $c']) {
      for (const escape of ['', '# escape=`\n']) {
        const fixed = fixRule(rule, `${escape}FROM x:1\nMAINTAINER ${author}\n`);
        const root = parseDockerfile(fixed);
        const label = root.instructions.find((i) => i.type === 'LABEL');
        const unescaped = label?.type === 'LABEL' ? label.properties[0]?.unescapedValue : undefined;
        // LABEL expands variables after quote removal; an escaped `$` stays a `$`.
        const value = unescaped == null ? unescaped : expandVariables(unescaped, () => null, { escapeChar: root.escapeChar }).value;
        expect([escape, author, value]).toEqual([escape, author, author]);
      }
    }
  });

  test('a $ is escaped, since LABEL expands variables and MAINTAINER does not; so is a backslash', () => {
    expect(fixRule(rule, 'FROM x:1\nMAINTAINER $USER at corp\\dept\n')).toBe('FROM x:1\nLABEL org.opencontainers.image.authors="\\$USER at corp\\\\dept"\n');
  });

  test('with the backtick escape character, quotes are escaped with a backtick and backslashes stay', () => {
    const text = '# escape=`\nFROM x:1\nMAINTAINER John "J" Doe `cmd` C:\\dir\n';
    expect(fixRule(rule, text)).toBe('# escape=`\nFROM x:1\nLABEL org.opencontainers.image.authors="John `"J`" Doe ``cmd`` C:\\dir"\n');
  });

  test('keeps CRLF, joins continuation lines, and matches a lower-case keyword', () => {
    const text = 'FROM x:1\r\nmaintainer Jane \\\r\n  Doe\r\nRUN true\r\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.column, f.text])).toEqual([[2, 1, 'maintainer']]);
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM x:1\r\nlabel org.opencontainers.image.authors="Jane   Doe"\r\nRUN true\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
  });

  test('when the stage already has an authors label, the fix removes the MAINTAINER line instead of adding a second label', () => {
    const text = 'FROM x:1 AS a\r\nMAINTAINER Jane\r\n  LABEL org.opencontainers.image.authors="Jane Doe" version=1\r\nFROM a\r\n  MAINTAINER Jane\r\n';
    const fixed = fixRule(rule, text);
    expect(fixed).toBe('FROM x:1 AS a\r\n  LABEL org.opencontainers.image.authors="Jane Doe" version=1\r\nFROM a\r\n  LABEL org.opencontainers.image.authors="Jane"\r\n');
    expect(fixRule(rule, fixed)).toBe(fixed);
    expect(fixRule(rule, 'FROM x:1\nLABEL org.opencontainers.image.authors=x\nMAINTAINER Jane')).toBe('FROM x:1\nLABEL org.opencontainers.image.authors=x\n');
  });

  test('an empty MAINTAINER is reported without a fix', () => {
    const text = 'FROM x:1\nMAINTAINER\n';
    expect(lintRule(rule, text).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, 'MAINTAINER', 'MAINTAINER is deprecated, and this one names nobody: remove it, or use LABEL org.opencontainers.image.authors.'],
    ]);
    expect(lintMessages(rule, text)[0]?.fix).toBeUndefined();
    expect(fixRule(rule, text)).toBe(text);
  });

  test('is silenced by hadolint ignore=DL4000 and check=skip=MaintainerDeprecated', () => {
    expect(lintRule(rule, 'FROM x:1\n# hadolint ignore=DL4000\nMAINTAINER Jane\n')).toEqual([]);
    expect(lintRule(rule, '# check=skip=MaintainerDeprecated\nFROM x:1\nMAINTAINER Jane\n')).toEqual([]);
    expect(lintRule(rule, '# check=skip=FromAsCasing\nFROM x:1\nMAINTAINER Jane\n')).toHaveLength(1);
  });

  test('fixtures/rules/maintainer-deprecated: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
