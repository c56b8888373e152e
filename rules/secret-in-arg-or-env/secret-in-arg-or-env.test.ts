import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { checkFixtures } from '../_test/fixtures.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('secret-in-arg-or-env', () => {
  test('reports a secret-like ARG name on the name', () => {
    expect(lintRule(rule, 'FROM x:1\nARG NPM_TOKEN\n')).toEqual([
      {
        ruleId: 'secret-in-arg-or-env',
        message: 'ARG "NPM_TOKEN" looks like a secret: ARG values are kept in the image. Pass secrets with `RUN --mount=type=secret,id=...`.',
        line: 2,
        column: 5,
        endLine: 2,
        endColumn: 14,
        text: 'NPM_TOKEN',
      },
    ]);
  });

  test('reports BuildKit words, hadolint substrings and known names, in ENV pairs, global ARGs and lower case', () => {
    const text = [
      'ARG GITHUB_TOKEN',
      'FROM x:1',
      'env DB_PASSWORD=x API_KEY=y \\',
      '  AWS_ACCESS_KEY_ID=z MYSECRETVALUE=w',
      'ARG auth_header_value client_credentials SSH_KEY=abc',
      '',
    ].join('\n');
    expect(lintRule(rule, text).map((f) => f.text)).toEqual(['GITHUB_TOKEN', 'DB_PASSWORD', 'API_KEY', 'AWS_ACCESS_KEY_ID', 'MYSECRETVALUE', 'client_credentials', 'SSH_KEY']);
  });

  test('does not report public keys, secret file paths, versions, GPG key ids or configuration paths', () => {
    const text = [
      'FROM x:1',
      'ENV GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D',
      'ARG RELEASE_KEY=C5705533DA4F78D8664B5DC0575159689BEFB442',
      'ENV GPG_KEYS="39B641343D8C104B 1198C0117593497A5EC5C199286AF1F9897469DC"',
      'ENV PUBLIC_KEY=x DB_PASSWORD_FILE=/run/secrets/db TOKEN_URL=https://x AUTH_VERSION=2',
      'ENV Logging__Filters__0__Key=ProcessId MONKEY=1 KEYBOARD=us OAUTH=1 PASSENGER_HOME=/p',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('a key whose value is not a key id is still a secret', () => {
    expect(lintRule(rule, 'FROM x:1\nARG SIGNING_KEY=s3cr3t-value\n').map((f) => f.text)).toEqual(['SIGNING_KEY']);
  });

  test('the allow option exempts names, case-insensitively', () => {
    expect(lintRule(rule, 'FROM x:1\nARG NPM_TOKEN\nENV JWT_SECRET=x\n', [{ allow: ['npm_token'] }]).map((f) => f.text)).toEqual(['JWT_SECRET']);
  });

  test('checks ONBUILD ARG and ENV triggers', () => {
    expect(lintRule(rule, 'FROM x:1\nONBUILD ARG DEPLOY_TOKEN\nonbuild ENV VERSION=1\n').map((f) => [f.line, f.column, f.text])).toEqual([[2, 13, 'DEPLOY_TOKEN']]);
  });

  test('fixtures/rules/secret-in-arg-or-env: findings, safe and unsafe fixes, fixing twice', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
