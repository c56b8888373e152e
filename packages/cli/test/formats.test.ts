import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { defineRule, type RuleDefinition } from '@dockerfile-opt/core';
import { emptyResult } from './helpers.js';

/**
 * Every format on one multi-file project (fixtures/formats/project): errors, warnings, a file
 * that does not parse, safe and unsafe fixes, a clean file and a directory name that needs
 * escaping. The expected outputs are committed under fixtures/formats/expected and compared
 * exactly. After an intended change, regenerate them with UPDATE_FORMAT_FIXTURES=1 and review
 * the diff.
 *
 * The CLI runs for real (discovery, config, engine, fixes, formatter) with the four rules below
 * in place of the rule set: the snapshots pin the formats, and stay put when a real rule's
 * wording changes.
 */
const fixtureRules: RuleDefinition[] = [
  defineRule({
    id: 'keyword-case',
    meta: {
      category: 'style', severity: 'warn', recommended: true, fixable: 'always', fixSafety: 'safe',
      description: 'Instruction keywords are upper case.', messages: { lower: 'Write "{{keyword}}" in upper case.' }, schema: [],
    },
    create: (ctx) => ({
      '*'(node) {
        const token = node.keywordToken;
        if (token.text === node.keyword) return;
        ctx.report({ node: token, messageId: 'lower', data: { keyword: token.text }, fix: { edits: [{ range: token.range, text: node.keyword }] } });
      },
    }),
  }),
  defineRule({
    id: 'no-latest',
    meta: {
      category: 'security', severity: 'error', recommended: true, fixable: 'always', fixSafety: 'safe', sources: ['DL3007'],
      description: 'Images are not pinned to "latest".', messages: { latest: 'Pin a version of "{{image}}" instead of "latest".' }, schema: [],
    },
    create: (ctx) => ({
      FROM(node) {
        const arg = node.args[0];
        if (!arg?.text.endsWith(':latest')) return;
        const colon = arg.range[1] - ':latest'.length;
        ctx.report({ node: arg, messageId: 'latest', data: { image: arg.text.slice(0, -':latest'.length) }, fix: { edits: [{ range: [colon, arg.range[1]], text: '' }] } });
      },
    }),
  }),
  defineRule({
    id: 'prefer-copy',
    meta: {
      category: 'performance', severity: 'warn', recommended: true, fixable: 'always', fixSafety: 'unsafe',
      description: 'COPY, not ADD, for local files.', messages: { add: 'Use COPY: ADD also fetches URLs and unpacks archives.' }, schema: [],
    },
    create: (ctx) => ({
      ADD(node) {
        ctx.report({ node: node.keywordToken, messageId: 'add', fix: { description: 'Replace ADD with COPY', edits: [{ range: node.keywordToken.range, text: 'COPY' }] } });
      },
    }),
  }),
  defineRule({
    id: 'workdir-absolute',
    meta: {
      category: 'correctness', severity: 'error', recommended: true, fixable: 'none',
      description: 'WORKDIR is absolute.', messages: { relative: 'WORKDIR "{{path}}" is relative.' }, schema: [],
    },
    create: (ctx) => ({
      WORKDIR(node) {
        const arg = node.args[0];
        if (arg && !arg.text.startsWith('/')) ctx.report({ node: arg, messageId: 'relative', data: { path: arg.text } });
      },
    }),
  }),
];
jest.unstable_mockModule('@dockerfile-opt/rules', () => ({ rules: fixtureRules }));
const { makeTempDir, removeTempDir, run } = await import('./helpers.js');
const { formatterNames } = await import('../src/formatters/index.js');
const { default: jsonFormat, stream: jsonStream } = await import('../src/formatters/json.js');

const repoRoot = resolve(import.meta.dirname, '../../..');
const fixtures = join(repoRoot, 'fixtures/formats');
const expectedFile: Record<string, string> = {
  stylish: 'stylish.txt',
  json: 'json.json',
  sarif: 'sarif.json',
  checkstyle: 'checkstyle.xml',
  junit: 'junit.xml',
  github: 'github.txt',
  gitlab: 'gitlab.json',
};
const cliVersion = (JSON.parse(readFileSync(join(repoRoot, 'packages/cli/package.json'), 'utf8')) as { version: string }).version;

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
  cpSync(join(fixtures, 'project'), dir, { recursive: true });
});
afterAll(() => removeTempDir(dir));

/** The report with what differs between machines and releases replaced by placeholders. */
function stable(report: string): string {
  return report.replaceAll(JSON.stringify(dir).slice(1, -1), '<project>').replace(/("name": "dockerfile-opt",\s*"version": )"[^"]+"/, '$1"<version>"');
}

test('every registered format has an expected output', () => {
  expect([...formatterNames].sort()).toEqual(Object.keys(expectedFile).sort());
});

describe.each(Object.entries(expectedFile))('--format %s', (format, file) => {
  test('prints exactly the expected report and exits 1', async () => {
    const result = await run(['lint', '--format', format], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const expectedPath = join(fixtures, 'expected', file);
    if (process.env.UPDATE_FORMAT_FIXTURES === '1') writeFileSync(expectedPath, stable(result.stdout));
    expect(stable(result.stdout)).toBe(readFileSync(expectedPath, 'utf8'));
  });
});

describe.each(Object.keys(expectedFile))('--format %s -o <file>', (format) => {
  test('writes the same report as standard output shows, without the added newline', async () => {
    const printed = await run(['lint', '--format', format], dir);
    const written = await run(['lint', '--format', format, '-o', 'reports/out'], dir);
    expect(written.stdout).toBe('');
    expect(written.code).toBe(printed.code);
    const report = readFileSync(join(dir, 'reports/out'), 'utf8');
    expect(report === '' || report.endsWith('\n') ? report : `${report}\n`).toBe(printed.stdout);
  });
});

describe('json, streamed', () => {
  test('the pieces joined are the formatter\'s text, for none, one and several results', async () => {
    const result = (name: string) => ({ ...emptyResult(name), source: 'FROM ünïcode\n', messages: [{ ruleId: 'x', severity: 2 as const, message: '"q" \\ é', line: 1, column: 1, endLine: 1, endColumn: 2 }] });
    for (const results of [[], [result('a')], [result('a'), emptyResult('b'), result('c')]]) {
      async function* one() {
        for (const r of results) {
          await Promise.resolve();
          yield r;
        }
      }
      const pieces: string[] = [];
      for await (const piece of jsonStream(one())) pieces.push(piece);
      expect(pieces.join('')).toBe(jsonFormat(results, { cwd: '/', color: false, rulesMeta: {} }));
    }
  });

  test('a report of several MiB is written whole, to a file and to standard output', async () => {
    const big = makeTempDir();
    try {
      // Every line has a finding (a lower-case keyword) and every result carries its source: about 2.7 MiB.
      const line = `expose 80 # ${'x'.repeat(200)}\n`;
      for (let i = 0; i < 3; i++) writeFileSync(join(big, `${i}.Dockerfile`), `FROM alpine:3.20\n${line.repeat(2500)}`);
      const printed = await run(['lint', '--format', 'json', '.'], big);
      const written = await run(['lint', '--format', 'json', '-o', 'out.json', '.'], big);
      expect(written.stdout).toBe('');
      const report = readFileSync(join(big, 'out.json'), 'utf8');
      expect(report.length).toBeGreaterThan(2 * 2 ** 20);
      expect(`${report}\n`).toBe(printed.stdout);
      const parsed = JSON.parse(report) as Array<{ messages: unknown[] }>;
      expect(parsed).toHaveLength(3);
      expect(parsed.every((r) => r.messages.length === 2500)).toBe(true);
    } finally {
      removeTempDir(big);
    }
  });
});

describe('sarif', () => {
  const require = createRequire(import.meta.url);
  // The SARIF 2.1.0 schema (draft-04) as Microsoft's SARIF SDK ships it.
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // One of the schema's patterns is not valid with the u flag ("]?"), so patterns are compiled without it.
  // Both packages are CommonJS: under Node's ESM import the default export is on `.default`.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);

  const sarifLog = async () => JSON.parse((await run(['lint', '--format', 'sarif'], dir)).stdout) as SarifLog;

  test('the report is valid against the SARIF 2.1.0 schema', async () => {
    const log = await sarifLog();
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    // The schema does reject: a wrong version and a result without a message.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const [firstRun] = log.runs;
    expect(validate({ ...log, runs: [{ ...firstRun, results: [{ ruleId: 'x' }] }] })).toBe(false);
  });

  test('the driver version is the CLI package version', async () => {
    expect((await sarifLog()).runs[0].tool.driver.version).toBe(cliVersion);
  });

  test('applying a fix replaces exactly the characters it says', async () => {
    const log = await sarifLog();
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const safe = log.runs[0].results.find((r) => r.ruleId === 'keyword-case' && r.locations[0]?.physicalLocation.artifactLocation.uri === 'Dockerfile');
    const [replacement] = safe?.fixes?.[0]?.artifactChanges[0]?.replacements ?? [];
    expect(replacement).toBeDefined();
    const { deletedRegion, insertedContent } = replacement as SarifReplacement;
    const fixed = text.slice(0, deletedRegion.charOffset) + insertedContent.text + text.slice(deletedRegion.charOffset + deletedRegion.charLength);
    const dryRun = JSON.parse((await run(['lint', '--fix-dry-run', '--format', 'json', '--rule', 'no-latest:off', 'Dockerfile'], dir)).stdout) as Array<{ output: string }>;
    expect(fixed).toBe(dryRun[0]?.output);
  });
});

describe('github', () => {
  test('escapes what the runner would read as separators or line ends', async () => {
    const { default: github } = await import('../src/formatters/github.js');
    const report = github(
      [{ ...emptyResult(join(dir, 'a:b,c/Dockerfile')), messages: [{ ruleId: 'r', severity: 1, message: '100% sure\r\nreally', line: 2, column: 3, endLine: 4, endColumn: 5 }] }],
      { cwd: dir, color: false, rulesMeta: {} },
    );
    // Columns only for an annotation within one line.
    expect(report).toBe('::warning file=a%3Ab%2Cc/Dockerfile,line=2,endLine=4,title=dockerfile-opt r::100%25 sure%0D%0Areally\n');
  });

  test('prints nothing without findings', async () => {
    const clean = makeTempDir();
    try {
      cpSync(join(dir, '.dockerfile-opt.json'), join(clean, '.dockerfile-opt.json'));
      cpSync(join(dir, 'clean'), clean, { recursive: true });
      expect(await run(['lint', '--format', 'github'], clean)).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      removeTempDir(clean);
    }
  });
});

describe('xml formats', () => {
  test('escape markup and drop characters XML cannot hold', async () => {
    const results = [{ ...emptyResult(join(dir, 'Dockerfile')), messages: [{ ruleId: 'r', severity: 2 as const, message: `<a href='x'>&"\u0001`, line: 1, column: 1, endLine: 1, endColumn: 2 }] }];
    const context = { cwd: dir, color: false, rulesMeta: {} };
    const { default: checkstyle } = await import('../src/formatters/checkstyle.js');
    const { default: junit } = await import('../src/formatters/junit.js');
    const escaped = '&lt;a href=&apos;x&apos;&gt;&amp;&quot;';
    expect(checkstyle(results, context)).toContain(`message="${escaped}"`);
    expect(junit(results, context)).toContain(`<failure type="error" message="${escaped}">Dockerfile:1:1: error: ${escaped} (r)</failure>`);
  });
});

describe('gitlab', () => {
  test('fingerprints are unique and do not change when lines move', async () => {
    const before = JSON.parse((await run(['lint', '--format', 'gitlab'], dir)).stdout) as Array<{ fingerprint: string; location: { positions: { begin: { line: number } } } }>;
    expect(new Set(before.map((i) => i.fingerprint)).size).toBe(before.length);
    const moved = makeTempDir();
    try {
      cpSync(dir, moved, { recursive: true });
      const dockerfile = join(moved, 'Dockerfile');
      writeFileSync(dockerfile, `# a comment above everything\n${readFileSync(dockerfile, 'utf8')}`);
      const after = JSON.parse((await run(['lint', '--format', 'gitlab'], moved)).stdout) as typeof before;
      expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
      expect(after[0]?.location.positions.begin.line).toBe((before[0]?.location.positions.begin.line ?? 0) + 1);
    } finally {
      removeTempDir(moved);
    }
  });
});

interface SarifReplacement {
  deletedRegion: { charOffset: number; charLength: number };
  insertedContent: { text: string };
}
interface SarifLog {
  runs: [
    {
      tool: { driver: { version: string } };
      results: Array<{
        ruleId: string;
        locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
        fixes?: Array<{ artifactChanges: Array<{ replacements: SarifReplacement[] }> }>;
      }>;
    },
  ];
}
