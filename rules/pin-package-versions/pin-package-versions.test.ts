import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

const where = (text: string, options: unknown[] = []): Array<[number, number, string]> =>
  lintRule(rule, text, options).map((f) => [f.line, f.column, f.text]);

describe('pin-package-versions', () => {
  test('reports an unpinned apt-get package with the manager syntax in the message', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 jq\n')).toEqual([
      {
        ruleId: 'pin-package-versions',
        message: 'apt-get installs "jq" without a version, so every rebuild may get a different one: pin it as jq=<version>.',
        line: 2,
        column: 39,
        endLine: 2,
        endColumn: 41,
        text: 'jq',
      },
    ]);
  });

  test('each manager has its own pin syntax', () => {
    const cases: Array<[string, string]> = [
      ['apk add --no-cache curl', 'apk installs "curl" without a version, so every rebuild may get a different one: pin it as curl=<version>.'],
      ['pip3 install requests', 'pip installs "requests" without a version, so every rebuild may get a different one: pin it as requests==<version>.'],
      ['python3 -m pip install -U pip', 'pip installs "pip" without a version, so every rebuild may get a different one: pin it as pip==<version>.'],
      ['npm i -g @scope/tool@latest', 'npm installs "@scope/tool" without a version, so every rebuild may get a different one: pin it as @scope/tool@<version>.'],
      ['gem install rake', 'gem installs "rake" without a version, so every rebuild may get a different one: pin it as rake:<version>.'],
      ['yum install -y httpd', 'yum installs "httpd" without a version, so every rebuild may get a different one: pin it as httpd-<version>.'],
      ['dnf5 install -y httpd', 'dnf installs "httpd" without a version, so every rebuild may get a different one: pin it as httpd-<version>.'],
      ['microdnf install -y tar', 'microdnf installs "tar" without a version, so every rebuild may get a different one: pin it as tar-<version>.'],
      ['zypper -n in vim', 'zypper installs "vim" without a version, so every rebuild may get a different one: pin it as vim=<version>.'],
      ['go install example.com/tool@latest', 'go installs "example.com/tool" without a version, so every rebuild may get a different one: pin it as example.com/tool@<version>.'],
      ['sudo -E apt install -y git', 'apt installs "git" without a version, so every rebuild may get a different one: pin it as git=<version>.'],
    ];
    for (const [command, message] of cases) {
      expect(lintRule(rule, `FROM x\nRUN ${command}\n`).map((f) => f.message)).toEqual([message]);
    }
  });

  test('accepts pinned versions in every syntax', () => {
    for (const command of [
      'apt-get install -y curl=7.88 "jq=1.6*"',
      'apt-get install -y -t bookworm-backports -o Dpkg::Options::=--force-confnew curl=7.88',
      'apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing "curl>8" "jq<2"',
      'pip install "a>=1" b~=2.0 c!=3 d@https://x/d.whl e==${E_VERSION}',
      'pip install -r requirements.txt -e ./lib --index-url https://pypi.example/simple',
      'npm install -g npm@10.8.1 @scope/x@1 github-user/repo ./local.tgz',
      'gem install --version 2.5 bundler',
      'yum install -y httpd-2.4.62 "nginx-${NGINX_VERSION}"',
      'zypper install -y "vim>=9"',
      'go install ./... cmd/tool',
    ]) {
      expect(where(`FROM x\nRUN ${command}\n`)).toEqual([]);
    }
  });

  test('a variable without a separator may hold versions: not reported', () => {
    expect(where('FROM x\nRUN apt-get install -y $PACKAGES "${EXTRA}"\n')).toEqual([]);
  });

  test('fixtures: continuation lines, comment lines, lower-case keyword, heredoc, ARG in FROM', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });

  test('a hadolint ignore pragma silences the findings of its manager only', () => {
    const text = 'FROM x\n# hadolint ignore=DL3013\nRUN apt-get install -y curl && pip install flask\n';
    expect(where(text)).toEqual([[3, 24, 'curl']]);
  });

  test('ONBUILD triggers are checked too', () => {
    expect(where('FROM x\nONBUILD RUN apk add curl\n')).toEqual([[2, 21, 'curl']]);
  });

  test('options restrict the managers and ignore packages', () => {
    const text = 'FROM x\nRUN apt-get install -y curl && pip install pip requests\n';
    expect(where(text, [{ managers: ['pip'] }])).toEqual([
      [2, 44, 'pip'],
      [2, 48, 'requests'],
    ]);
    expect(where(text, [{ ignorePackages: ['pip', 'curl'] }])).toEqual([[2, 48, 'requests']]);
  });
});
