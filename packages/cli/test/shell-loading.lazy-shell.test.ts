import { describe, expect, test } from '@jest/globals';
import { isShellParserReady, lintWithRules, ShellParserNotReady } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import * as api from '../src/index.js';

// Jest gives each test file its own modules, so the shell parser starts out unloaded here; the
// tests run in order. The RUN line is one tree-sitter flags as an error, which core's own shell
// scanner never takes: linting it needs tree-sitter.
const TEXT = 'FROM debian:12\nRUN apt-get install curl && echo "open\nWORKDIR app\n';
const CONFIG = { extends: 'all' } as const;

describe('the CLI loads the shell parser when a file needs it', () => {
  test('core lets ShellParserNotReady through rather than reporting it as a rule failure', () => {
    expect(isShellParserReady()).toBe(false);
    expect(() => lintWithRules(TEXT, rules)).toThrow(ShellParserNotReady);
  });

  test('lintText loads it and lints the file again, with the same findings as when it was loaded first', async () => {
    const first = await api.lintText(TEXT, { config: CONFIG });
    expect(isShellParserReady()).toBe(true);
    const again = await api.lintText(TEXT, { config: CONFIG });
    expect(first).toEqual(again);
    expect(first.messages.filter((m) => m.message.includes('failed'))).toEqual([]);
    expect(first.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['apt-get-yes', 'workdir-relative']));
  });
});
