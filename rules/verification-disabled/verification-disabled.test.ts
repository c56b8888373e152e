import { describe, expect, test } from '@jest/globals';
import { fixRule, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { checkFixtures } from '../_test/fixtures.js';
import rule from './index.js';

const settings = (text: string): string[] => lintRule(rule, text).map((f) => f.text);

describe('verification-disabled', () => {
  test('reports curl -k on the flag', () => {
    expect(lintRule(rule, 'FROM debian:12\nRUN curl -k -o /a https://example.com/a\n')).toEqual([
      {
        ruleId: 'verification-disabled',
        message: '"-k" turns off TLS certificate checks: whoever sits on the network path can change what the build downloads. Add the CA certificate to the image instead.',
        line: 2,
        column: 10,
        endLine: 2,
        endColumn: 12,
        text: '-k',
      },
    ]);
  });

  test('signature checks of every package manager', () => {
    const text = 'FROM x\nRUN yum install -y --nogpgcheck a && zypper --no-gpg-checks -n in b && rpm -i --nosignature c.rpm && apt-get install -y --force-yes d\n';
    expect(lintRule(rule, text).map((f) => [f.text, f.message.split(':')[0]])).toEqual([
      ['--nogpgcheck', '"--nogpgcheck" turns off package signature checks'],
      ['--no-gpg-checks', '"--no-gpg-checks" turns off package signature checks'],
      ['--nosignature', '"--nosignature" turns off package signature checks'],
      ['--force-yes', '"--force-yes" turns off package signature checks'],
    ]);
  });

  test('settings inside words, and key-value settings', () => {
    expect(settings('FROM x\nRUN dnf --setopt=sslverify=false install -y a && echo "gpgcheck=0" >> /etc/yum.repos.d/x.repo\n')).toEqual(['sslverify=false', 'gpgcheck=0']);
    expect(settings('FROM x\nRUN yarn config set strict-ssl false && npm install --strict-ssl=false && git -c http.sslVerify=false clone x\n')).toEqual([
      'strict-ssl false',
      '--strict-ssl=false',
      'http.sslVerify=false',
    ]);
    expect(settings('FROM x\nRUN pip config set global.trusted-host pypi.example.com && pip3 install --trusted-host=x y==1\n')).toEqual([
      'global.trusted-host pypi.example.com',
      '--trusted-host=x',
    ]);
  });

  test('environment variables in ENV, stage ARG, command prefixes, env and export', () => {
    expect(settings('FROM x\nENV NPM_CONFIG_STRICT_SSL=false\nARG PIP_TRUSTED_HOST=pypi.example.com\nRUN env PYTHONHTTPSVERIFY=0 python x.py\n')).toEqual([
      'NPM_CONFIG_STRICT_SSL=false',
      'PIP_TRUSTED_HOST=pypi.example.com',
      'PYTHONHTTPSVERIFY=0',
    ]);
  });

  test('values that keep the checks on are fine', () => {
    expect(settings('FROM x\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 GIT_SSL_NO_VERIFY=false\nRUN curl -fsSL https://x && npm config set strict-ssl true && echo -k\n')).toEqual([]);
  });

  test('the unsafe fix removes a flag that stands alone, and converges', () => {
    const text = 'FROM x\nRUN curl --insecure -fsSL https://x -o /x \\\n    -k\n';
    expect(fixRule(rule, text)).toBe(text);
    const fixed = fixRule(rule, text, { unsafe: true });
    expect(fixed).toBe('FROM x\nRUN curl -fsSL https://x -o /x \\\n\n');
    expect(fixRule(rule, fixed, { unsafe: true })).toBe(fixed);
  });

  test('fixtures: global ARG, ENV, continuations with comments, heredocs, lower-case keywords, local packages', () => {
    const { expected, actual } = checkFixtures(rule);
    expect(actual).toEqual(expected);
  });

  test('README examples behave as documented', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });
});
