import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles, outputFixes } from '../src/api.js';
import { writeFileAtomic } from '../src/write.js';
import { makeTempDir, onlyRules, removeTempDir, run, SAMPLE, writeFiles } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
  writeFiles(dir, { '.dockerfile-opt.json': onlyRules({ 'apt-get-yes': 'warn', 'apt-no-install-recommends': 'warn', 'workdir-relative': 'warn' }) });
});
afterEach(() => removeTempDir(dir));

const SAFE_FIXED = SAMPLE.replace('install curl', 'install -y curl');
/** Both flags added; their order is the rules' business. */
const UNSAFE_FIXED = /^RUN apt-get update && apt-get install (-y --no-install-recommends|--no-install-recommends -y) curl$/m;

describe('--fix', () => {
  test('writes safe fixes by renaming a temporary file over the original, keeping its mode', async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    const path = join(dir, 'Dockerfile');
    chmodSync(path, 0o750);
    const inodeBefore = statSync(path).ino;
    const r = await run(['lint', '--fix'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(SAFE_FIXED);
    expect(statSync(path).mode & 0o7777).toBe(0o750);
    expect(statSync(path).ino).not.toBe(inodeBefore);
    expect(readdirSync(dir).sort()).toEqual(['.dockerfile-opt.json', 'Dockerfile']);
    // What is left is reported, and the unsafe fix is offered.
    expect(r.stdout).toContain('workdir-relative');
    expect(r.stdout).toContain('1 more problem fixable with the `--unsafe-fixes` option');
  });

  test('--unsafe-fixes applies unsafe fixes too', async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    await run(['lint', '--unsafe-fixes'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toMatch(UNSAFE_FIXED);
  });

  test('leaves files without fixes alone (same inode)', async () => {
    writeFiles(dir, { Dockerfile: 'FROM debian:12\nWORKDIR app\n' });
    const inode = statSync(join(dir, 'Dockerfile')).ino;
    await run(['lint', '--fix'], dir);
    expect(statSync(join(dir, 'Dockerfile')).ino).toBe(inode);
  });

  test('writes through a symbolic link, which stays a link', async () => {
    writeFiles(dir, { 'real/Dockerfile': SAMPLE });
    symlinkSync(join(dir, 'real/Dockerfile'), join(dir, 'api.Dockerfile'));
    await run(['lint', '--fix', 'api.Dockerfile'], dir);
    expect(lstatSync(join(dir, 'api.Dockerfile')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real/Dockerfile'), 'utf8')).toBe(SAFE_FIXED);
  });

  test('a file that changed on disk after it was linted is left untouched (exit 2)', async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    const results = await lintFiles([], { cwd: dir, fix: true });
    writeFileSync(join(dir, 'Dockerfile'), 'FROM edited\n');
    const problems = outputFixes(results);
    expect(problems.map((p) => p.message)).toEqual([`Cannot write fixes to ${join(dir, 'Dockerfile')}: the file changed on disk while it was being linted`]);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM edited\n');
    expect(readdirSync(dir).sort()).toEqual(['.dockerfile-opt.json', 'Dockerfile']);
  });

  test('writeFileAtomic cleans up and keeps the original when the write fails', () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    const path = join(dir, 'Dockerfile');
    expect(() => writeFileAtomic(path, 'new', 'not what is on disk')).toThrow('changed on disk');
    expect(() => writeFileAtomic(join(dir, 'missing'), 'new')).toThrow(/ENOENT/);
    expect(readFileSync(path, 'utf8')).toBe(SAMPLE);
    expect(readdirSync(dir).sort()).toEqual(['.dockerfile-opt.json', 'Dockerfile']);
  });
});

describe('--fix-dry-run', () => {
  test('writes nothing; JSON results carry "output" with the fixed text', async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    const r = await run(['lint', '--fix-dry-run', '--format', 'json'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(SAMPLE);
    const [result] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(result?.output).toBe(SAFE_FIXED);
    // As ESLint: no `source` when there is `output`; the messages are those left after fixing.
    expect(result?.source).toBeUndefined();
    expect((result?.messages as Array<{ ruleId: string }>).map((m) => m.ruleId)).toEqual(['workdir-relative', 'apt-no-install-recommends']);
  });

  test('with --unsafe-fixes, still writes nothing', async () => {
    writeFiles(dir, { Dockerfile: SAMPLE });
    const r = await run(['lint', '--fix-dry-run', '--unsafe-fixes', '-f', 'json'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(SAMPLE);
    expect((JSON.parse(r.stdout) as Array<{ output: string }>)[0]?.output).toMatch(UNSAFE_FIXED);
  });

  test('no "output" when nothing changes', async () => {
    writeFiles(dir, { Dockerfile: 'FROM debian:12\nWORKDIR app\n' });
    const r = await run(['lint', '--fix-dry-run', '-f', 'json'], dir);
    expect(Object.keys((JSON.parse(r.stdout) as object[])[0] ?? {})).not.toContain('output');
  });
});
