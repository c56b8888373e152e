import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { rules } from '@dockerfile-opt/rules';
import { ESLint, type Linter } from 'eslint';
import plugin from '../src/index.js';
import { messageOf } from './messages.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const appDir = join(repoRoot, 'fixtures/eslint/app');
const appText = readFileSync(join(appDir, 'Dockerfile'), 'utf8');
// Exact expectations below use a fixed set of rules, so that new recommended rules do not change them.
const FIXTURE_RULES = ['apt-get-yes', 'apt-no-install-recommends', 'instruction-casing', 'maintainer-deprecated', 'workdir-relative'];
const recommended: Linter.Config = {
  ...(plugin.configs.recommended as Linter.Config),
  rules: Object.fromEntries(FIXTURE_RULES.map((id) => [`dockerfile-opt/${id}`, plugin.configs.recommended.rules?.[`dockerfile-opt/${id}`] ?? 'off'])),
};

function eslintWith(config: Linter.Config[], options: ESLint.Options = {}): ESLint {
  return new ESLint({ cwd: appDir, overrideConfigFile: true, overrideConfig: config, ...options });
}

/** The parts of a message a user sees, for exact assertions. */
function brief(m: Linter.LintMessage): [string | null, number, number, number | undefined, number | undefined, string] {
  return [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message];
}

const APT_YES = messageOf('apt-get-yes', 'missing', { command: 'apt-get install' });
const APT_RECOMMENDS = messageOf('apt-no-install-recommends', 'missing');
const WORKDIR_APP = messageOf('workdir-relative', 'relative', { path: 'app' });
const casing = (keyword: string): string => messageOf('instruction-casing', 'notUpper', { keyword });
const maintainer = (author: string): string => messageOf('maintainer-deprecated', 'deprecated', { author });

describe('ESLint Node API with configs.recommended (fixture rules)', () => {
  test('lintText reports our rules at 1-based lines and columns, honouring both kinds of ignore comment', async () => {
    const [result] = await eslintWith([recommended]).lintText(appText, { filePath: 'Dockerfile' });
    expect(result?.messages.map(brief)).toEqual([
      ['dockerfile-opt/maintainer-deprecated', 3, 1, 3, 11, maintainer('Jane Doe <jane@example.com>')],
      ['dockerfile-opt/instruction-casing', 4, 1, 4, 4, casing('run')],
      ['dockerfile-opt/apt-get-yes', 4, 23, 4, 38, APT_YES],
      ['dockerfile-opt/apt-no-install-recommends', 4, 23, 4, 38, APT_RECOMMENDS],
      ['dockerfile-opt/workdir-relative', 9, 9, 9, 12, WORKDIR_APP],
    ]);
    // `# eslint-disable-next-line dockerfile-opt/apt-get-yes` suppresses line 6 (ESLint keeps it as suppressed);
    // `# dockerfile-opt ignore=apt-no-install-recommends` drops line 8 before ESLint sees it.
    expect(result?.suppressedMessages.map(brief)).toEqual([['dockerfile-opt/apt-get-yes', 6, 5, 6, 20, APT_YES]]);
  });

  test('our ignore comment is what silences the finding under it', async () => {
    const text = 'FROM debian:12\n# dockerfile-opt ignore=apt-no-install-recommends\nRUN apt-get install -y make\nRUN apt-get install -y gcc\n';
    const [result] = await eslintWith([recommended]).lintText(text, { filePath: 'Dockerfile' });
    expect(result?.messages.map(brief)).toEqual([['dockerfile-opt/apt-no-install-recommends', 4, 5, 4, 20, APT_RECOMMENDS]]);
    const [hadolintStyle] = await eslintWith([recommended]).lintText(text.replace('dockerfile-opt ignore=apt-no-install-recommends', 'hadolint ignore=DL3015'), {
      filePath: 'Dockerfile',
    });
    expect(hadolintStyle?.messages.map(brief)).toEqual([['dockerfile-opt/apt-no-install-recommends', 4, 5, 4, 20, APT_RECOMMENDS]]);
  });

  test('safe fixes are ESLint fixes (offsets), unsafe fixes are suggestions', async () => {
    const [result] = await eslintWith([recommended]).lintText(appText, { filePath: 'Dockerfile' });
    const byRule = new Map(result?.messages.map((m) => [m.ruleId, m]));
    const yes = byRule.get('dockerfile-opt/apt-get-yes');
    const line4 = appText.indexOf('run apt-get');
    expect(yes?.fix).toEqual({ range: [line4 + 37, line4 + 37], text: ' -y' });
    expect(yes?.suggestions).toBeUndefined();
    const recommends = byRule.get('dockerfile-opt/apt-no-install-recommends');
    expect(recommends?.fix).toBeUndefined();
    expect(recommends?.suggestions).toEqual([
      { desc: 'Add --no-install-recommends (installs fewer packages; the build may need some of them)', fix: { range: [line4 + 37, line4 + 37], text: ' --no-install-recommends' } },
    ]);
    // maintainer-deprecated, instruction-casing and apt-get-yes; workdir-relative has no fix here.
    expect(result?.fixableWarningCount).toBe(3);
  });

  test('fix: true applies the safe fixes only, until the file is stable', async () => {
    const [result] = await eslintWith([recommended], { fix: true }).lintText(appText, { filePath: 'Dockerfile' });
    expect(result?.output).toBe(
      [
        '# syntax=docker/dockerfile:1',
        'FROM debian:bookworm AS build',
        'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
        'RUN apt-get update && apt-get install -y curl',
        '# eslint-disable-next-line dockerfile-opt/apt-get-yes',
        'RUN apt-get install --no-install-recommends git',
        '# dockerfile-opt ignore=apt-no-install-recommends',
        'RUN apt-get install -y make',
        'WORKDIR app',
        '',
      ].join('\n'),
    );
    expect(result?.messages.map(brief)).toEqual([
      ['dockerfile-opt/apt-no-install-recommends', 4, 23, 4, 38, APT_RECOMMENDS],
      ['dockerfile-opt/workdir-relative', 9, 9, 9, 12, WORKDIR_APP],
    ]);
  });

  test('lintFiles finds a file named Dockerfile through the config alone', async () => {
    const results = await eslintWith([recommended]).lintFiles(['.']);
    expect(results.map((r) => r.filePath)).toEqual([join(appDir, 'Dockerfile')]);
    expect(results[0]?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['dockerfile-opt/maintainer-deprecated', 3],
      ['dockerfile-opt/instruction-casing', 4],
      ['dockerfile-opt/apt-get-yes', 4],
      ['dockerfile-opt/apt-no-install-recommends', 4],
      ['dockerfile-opt/workdir-relative', 9],
    ]);
  });
});

describe('BOM and CRLF', () => {
  const bomCrlf = '\uFEFFFROM debian:12\r\nmaintainer Jane\r\nRUN apt-get install curl\r\n';

  test('locations count lines across CRLF and columns without the BOM', async () => {
    const [result] = await eslintWith([recommended]).lintText(bomCrlf, { filePath: 'Dockerfile' });
    expect(result?.messages.map(brief)).toEqual([
      ['dockerfile-opt/instruction-casing', 2, 1, 2, 11, casing('maintainer')],
      ['dockerfile-opt/maintainer-deprecated', 2, 1, 2, 11, maintainer('Jane')],
      ['dockerfile-opt/apt-get-yes', 3, 5, 3, 20, APT_YES],
      ['dockerfile-opt/apt-no-install-recommends', 3, 5, 3, 20, APT_RECOMMENDS],
    ]);
  });

  const tempDirs: string[] = [];
  afterAll(() => {
    for (const dir of tempDirs) if (dir.startsWith(join(tmpdir(), 'dfo-eslint-'))) rmSync(dir, { recursive: true, force: true });
  });

  test('lintFiles + outputFixes keeps the BOM and the CRLF line breaks on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dfo-eslint-'));
    tempDirs.push(dir);
    writeFileSync(join(dir, 'Dockerfile'), bomCrlf);
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [recommended], fix: true });
    const results = await eslint.lintFiles(['Dockerfile']);
    await ESLint.outputFixes(results);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('\uFEFFFROM debian:12\r\nLABEL org.opencontainers.image.authors="Jane"\r\nRUN apt-get install -y curl\r\n');
  });
});

describe('configs', () => {
  test('recommended turns on the recommended rules, all turns on every rule, each at its severity', () => {
    const expected = (onlyRecommended: boolean): Record<string, string> =>
      Object.fromEntries(rules.filter((r) => !onlyRecommended || r.meta.recommended).map((r) => [`dockerfile-opt/${r.id}`, r.meta.severity]));
    expect(plugin.configs.recommended.rules).toEqual(expected(true));
    expect(plugin.configs.all.rules).toEqual(expected(false));
    expect(Object.keys(plugin.rules)).toEqual(rules.map((r) => r.id));
    for (const id of FIXTURE_RULES) expect([id, plugin.configs.recommended.rules?.[`dockerfile-opt/${id}`]]).toEqual([id, 'warn']);
  });

  test('match the names Dockerfiles go by, and nothing else', async () => {
    const eslint = eslintWith([recommended]);
    // The resolved config holds the language object itself.
    const isDockerfile = async (name: string): Promise<boolean> =>
      ((await eslint.calculateConfigForFile(name)) as { language?: unknown } | undefined)?.language === plugin.languages.dockerfile;
    const names = ['Dockerfile', 'sub/dir/Dockerfile', 'Dockerfile.dev', 'Dockerfile-prod', 'dockerfile', 'dockerfile.ci', 'api.Dockerfile', 'api.dockerfile'];
    for (const name of [...names, 'Containerfile', 'Containerfile.arm64']) {
      expect([name, await isDockerfile(name)]).toEqual([name, true]);
    }
    for (const name of ['Dockerfile.dockerignore', 'index.js', 'Dockerfiles/readme.md', 'notDockerfile']) {
      expect([name, await isDockerfile(name)]).toEqual([name, false]);
    }
  });

  test('the README\'s override of rules and options after the preset', async () => {
    const config: Linter.Config[] = [
      recommended,
      {
        files: plugin.configs.recommended.files,
        rules: { 'dockerfile-opt/instruction-casing': ['warn', { style: 'consistent' }], 'dockerfile-opt/workdir-relative': 'error' },
        settings: { 'dockerfile-opt': {} },
      },
    ];
    const [result] = await eslintWith(config).lintText('from debian:12\nrun echo hi\nWORKDIR app\n', { filePath: 'Dockerfile' });
    expect(result?.messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['dockerfile-opt/instruction-casing', 1, 3],
      ['dockerfile-opt/workdir-relative', 2, 3],
    ]);
  });

  test('an eslint-disable comment inside continuation lines covers the line after it', async () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n # eslint-disable-next-line dockerfile-opt/apt-get-yes\n && apt-get install --no-install-recommends curl\n';
    const [result] = await eslintWith([recommended]).lintText(text, { filePath: 'Dockerfile' });
    expect(result?.messages).toEqual([]);
    expect(result?.suppressedMessages.map(brief)).toEqual([['dockerfile-opt/apt-get-yes', 4, 5, 4, 20, APT_YES]]);
  });

  test('inline `# eslint` comments configure rules for the file', async () => {
    const text = 'FROM debian:12\nrun echo hi\nworkdir /app\n';
    const [plain] = await eslintWith([recommended]).lintText(text, { filePath: 'Dockerfile' });
    expect(plain?.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['dockerfile-opt/instruction-casing', 2],
      ['dockerfile-opt/instruction-casing', 3],
    ]);
    const [configured] = await eslintWith([recommended]).lintText(`# eslint dockerfile-opt/instruction-casing: "off"\n${text}`, { filePath: 'Dockerfile' });
    expect(configured?.messages).toEqual([]);
  });

  test('an unknown instruction is a fatal parsing error, and the rules still run (unknown-instruction suggests the keyword)', async () => {
    const config: Linter.Config = { ...recommended, rules: { ...recommended.rules, 'dockerfile-opt/unknown-instruction': 'error' } };
    const [result] = await eslintWith([config]).lintText('FROM debian:12\nFORM x\nrun true\n', { filePath: 'Dockerfile' });
    expect(result?.messages.map((m) => [m.ruleId, m.fatal, m.severity, m.line, m.column, m.endLine, m.endColumn, m.message, m.suggestions])).toEqual([
      [null, true, 2, 2, 1, 2, 5, 'Parsing error: Unknown instruction: FORM', undefined],
      [
        'dockerfile-opt/unknown-instruction',
        undefined,
        2,
        2,
        1,
        2,
        5,
        messageOf('unknown-instruction', 'unknown', { keyword: 'FORM', suggestion: 'FROM' }),
        [{ desc: 'Change to FROM', fix: { range: [15, 19], text: 'FROM' } }],
      ],
      ['dockerfile-opt/instruction-casing', undefined, 1, 3, 1, 3, 4, casing('run'), undefined],
    ]);
  });

  test('with inline configuration off, parse errors go unreported (the README says so)', async () => {
    const config: Linter.Config = { ...recommended, rules: { 'dockerfile-opt/unknown-instruction': 'error' } };
    const [result] = await eslintWith([config], { allowInlineConfig: false }).lintText('FROM debian:12\nFORM x\n', { filePath: 'Dockerfile' });
    expect(result?.messages.map((m) => [m.ruleId, m.line])).toEqual([['dockerfile-opt/unknown-instruction', 2]]);
  });

  test('rule options pass through and are validated against the rule schema', async () => {
    const text = 'from debian:12\nrun echo hi\nWORKDIR /app\n';
    const config: Linter.Config = { ...recommended, rules: { 'dockerfile-opt/instruction-casing': ['error', { style: 'consistent' }] } };
    const [result] = await eslintWith([config]).lintText(text, { filePath: 'Dockerfile' });
    expect(result?.messages.map((m) => [m.ruleId, m.severity, m.line, m.message])).toEqual([
      ['dockerfile-opt/instruction-casing', 2, 3, messageOf('instruction-casing', 'inconsistent', { keyword: 'WORKDIR', expected: 'lower' })],
    ]);
    const wrong: Linter.Config = { ...recommended, rules: { 'dockerfile-opt/instruction-casing': ['error', { style: 'title' }] } };
    await expect(eslintWith([wrong]).lintText(text, { filePath: 'Dockerfile' })).rejects.toThrow(
      'Key "rules": Key "dockerfile-opt/instruction-casing":\n\tValue "title" should be equal to one of the allowed values.',
    );
  });
});
