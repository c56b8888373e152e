import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { matchesFormat } from './formats.js';
import rule from './index.js';

const schema = {
  labels: {
    'org.opencontainers.image.source': 'url',
    'org.opencontainers.image.created': 'rfc3339',
    'org.opencontainers.image.revision': 'hash',
    'org.opencontainers.image.version': 'semver',
    'org.opencontainers.image.licenses': 'spdx',
    'org.opencontainers.image.authors': 'email',
    'org.opencontainers.image.title': 'text',
  },
};

const complete = [
  'LABEL org.opencontainers.image.source=https://github.com/acme/app \\',
  '      org.opencontainers.image.created=2026-01-31T12:00:00Z \\',
  '      org.opencontainers.image.revision=0a1b2c3d \\',
  '      org.opencontainers.image.version=1.4.0-rc.1 \\',
  '      org.opencontainers.image.licenses="Apache-2.0 OR MIT" \\',
  '      org.opencontainers.image.authors=dev@acme.example \\',
  '      org.opencontainers.image.title="Acme app"',
].join('\n');

describe('label-schema', () => {
  test('without a schema the rule reports nothing', () => {
    expect(lintRule(rule, 'FROM x:1\nLABEL a=b\n')).toEqual([]);
  });

  test('reports each missing label on the final stage image', () => {
    expect(lintRule(rule, 'FROM x:1\nLABEL a=b\n', [{ labels: { version: 'semver' } }])).toEqual([
      { ruleId: 'label-schema', message: 'Label "version" is missing from the final stage.', line: 1, column: 6, endLine: 1, endColumn: 9, text: 'x:1' },
    ]);
  });

  test('a complete, well-formed set of labels passes; labels of a parent stage count', () => {
    expect(lintRule(rule, `FROM x:1\n${complete}\n`, [schema])).toEqual([]);
    expect(lintRule(rule, `FROM x:1 AS base\n${complete}\nFROM base\nRUN true\n`, [schema])).toEqual([]);
  });

  test('labels set only in a build stage are missing from the final stage', () => {
    const text = `FROM x:1 AS build\n${complete}\nFROM y:1\n`;
    expect(lintRule(rule, text, [{ labels: { 'org.opencontainers.image.title': 'text' } }]).map((f) => [f.line, f.text])).toEqual([[9, 'y:1']]);
  });

  test('reports empty values and values in the wrong format on the value', () => {
    const text = [
      'FROM x:1',
      'LABEL org.opencontainers.image.source=github.com/acme \\',
      '      org.opencontainers.image.created="31 Jan 2026" \\',
      '      org.opencontainers.image.revision=main \\',
      '      org.opencontainers.image.version=v1.4 \\',
      '      org.opencontainers.image.licenses="Apache 2" \\',
      '      org.opencontainers.image.authors="Acme dev team" \\',
      '      org.opencontainers.image.title=""',
      '',
    ].join('\n');
    expect(lintRule(rule, text, [schema]).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, 'github.com/acme', 'Label "org.opencontainers.image.source" is not a URL: "github.com/acme".'],
      [3, '"31 Jan 2026"', 'Label "org.opencontainers.image.created" is not an RFC 3339 date-time: "31 Jan 2026".'],
      [4, 'main', 'Label "org.opencontainers.image.revision" is not a git commit hash: "main".'],
      [5, 'v1.4', 'Label "org.opencontainers.image.version" is not a semantic version: "v1.4".'],
      [6, '"Apache 2"', 'Label "org.opencontainers.image.licenses" is not an SPDX license expression: "Apache 2".'],
      [7, '"Acme dev team"', 'Label "org.opencontainers.image.authors" is not an e-mail address: "Acme dev team".'],
      [8, '""', 'Label "org.opencontainers.image.title" is empty.'],
    ]);
  });

  test('values come from ARG defaults; unknown values are not checked', () => {
    const text = 'FROM x:1\nARG VERSION=1.2\nARG COMMIT\nlabel version=$VERSION revision=${COMMIT}\n';
    expect(lintRule(rule, text, [{ labels: { version: 'semver', revision: 'hash' } }]).map((f) => [f.text, f.message])).toEqual([
      ['$VERSION', 'Label "version" is not a semantic version: "1.2".'],
    ]);
  });

  test('strict reports labels outside the schema, on the key; the legacy form is read too', () => {
    const text = 'FROM x:1\r\nLABEL version=1.0.0 team=core\r\nLABEL owner me\r\n';
    expect(lintRule(rule, text, [{ labels: { version: 'semver' }, strict: true }]).map((f) => [f.line, f.text, f.message])).toEqual([
      [2, 'team', 'Label "team" is not in the label schema.'],
      [3, 'owner', 'Label "owner" is not in the label schema.'],
    ]);
  });

  test('formats', () => {
    expect(['2026-02-29T23:59:60+01:00', '2026-13-01T00:00:00Z', '2026-01-01'].map((v) => matchesFormat('rfc3339', v))).toEqual([true, false, false]);
    expect(['MIT', '(MIT OR GPL-2.0-or-later) AND BSD-3-Clause', 'GPL-2.0+ WITH Classpath-exception-2.0', 'LicenseRef-acme', 'MIT OR', '(MIT'].map((v) => matchesFormat('spdx', v))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(['1.0.0', '1.0.0-alpha+001', '01.0.0', '1.0'].map((v) => matchesFormat('semver', v))).toEqual([true, true, false, false]);
    expect(['abc1234', 'a'.repeat(40), 'b'.repeat(64), 'abc12', 'xyz1234'].map((v) => matchesFormat('hash', v))).toEqual([true, true, true, false, false]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url), [{ labels: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' } }]);
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
