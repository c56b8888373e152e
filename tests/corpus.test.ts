import { describe, expect, test } from '@jest/globals';
import { fixWithRules, lintWithRules, type LintMessage } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { lintFiles } from 'dockerfile-opt';
import { relative } from 'node:path';
import { CORPUS_DIR, TEMPLATES_DIR, manifestFiles } from './corpus.js';

const config = { extends: 'all' as const };

function problems(messages: readonly LintMessage[]): string[] {
  return messages.filter((m) => m.fatal).map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'parse'} ${m.message}`);
}

describe('the real-world corpus', () => {
  const files = manifestFiles(CORPUS_DIR);

  test('holds the expected number of files', () => {
    expect(files.length).toBe(2764);
  });

  test('directory discovery finds every file, and each lints with every rule with no crash and no fatal error', async () => {
    const errors: string[] = [];
    const results = await lintFiles([CORPUS_DIR], { config, onError: (e) => errors.push(e.message) });
    expect(errors).toEqual([]);
    expect(results.map((r) => r.filePath).sort()).toEqual(files.map((f) => f.path).sort());
    const failures = results.flatMap((r) =>
      r.messages.filter((m) => m.fatal).map((m) => `${relative(CORPUS_DIR, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'} ${m.message}`),
    );
    expect(failures).toEqual([]);
  }, 300_000);

  test('fixing with unsafe fixes adds no parse error, converges, and a second run changes nothing', () => {
    const failures: string[] = [];
    for (const { path, text } of files) {
      const name = relative(CORPUS_DIR, path);
      const first = fixWithRules(text, rules, { config, unsafe: true, filePath: path });
      if (first.result.fatalErrorCount > 0) failures.push(`${name}: fatal after fix: ${problems(first.result.messages).join('; ')}`);
      if (first.passes >= 10) failures.push(`${name}: did not converge in 10 passes`);
      const second = fixWithRules(first.output, rules, { config, unsafe: true, filePath: path });
      if (second.changed) failures.push(`${name}: a second fix run changed the file`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('templates and broken files', () => {
  test('every file gets findings or a clear parse error, never a crash', () => {
    const failures: string[] = [];
    for (const { path, text } of manifestFiles(TEMPLATES_DIR)) {
      const { result } = lintWithRules(text, rules, { config, filePath: path });
      const crashes = result.messages.filter((m) => m.fatal && m.ruleId !== null);
      if (crashes.length > 0) failures.push(`${relative(TEMPLATES_DIR, path)}: ${problems(crashes).join('; ')}`);
      if (result.messages.length === 0 && text.trim() !== '') failures.push(`${relative(TEMPLATES_DIR, path)}: no finding at all`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
