import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintFiles } from '../src/api.js';
import { isDockerfileName } from '../src/discovery.js';
import { globToRegExp } from '../src/glob.js';
import { makeTempDir, onlyRules, removeTempDir, run, writeFiles } from './helpers.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
  writeFiles(dir, { '.dockerfile-opt.json': onlyRules({}) });
});
afterEach(() => removeTempDir(dir));

const DF = 'FROM debian:12\n';

async function found(patterns: string[], cwd = dir, options: { ignore?: boolean } = {}): Promise<string[]> {
  const results = await lintFiles(patterns, { cwd, ...options });
  return results.map((r) => relative(cwd, r.filePath));
}

describe('Dockerfile names', () => {
  test.each([
    'Dockerfile',
    'dockerfile',
    'DOCKERFILE',
    'Dockerfile.prod',
    'Dockerfile.release.old_cpu',
    'Dockerfile.j2',
    'Dockerfile-dev',
    'api.Dockerfile',
    'api.dockerfile',
    'Containerfile',
    'containerfile.arm64',
  ])('%s is a Dockerfile', (name) => expect(isDockerfileName(name)).toBe(true));

  test.each(['dockerfile-opt.js', 'dockerfile-parser.ts', 'dockerfile.go', 'Dockerfile.test.json', 'Dockerfile.dockerignore', 'api.Dockerfile.dockerignore', 'Dockerfile.md', 'Dockerfile~', 'Dockerfile.orig', 'Dockerfiles', 'my-dockerfile', 'Containerfile-x', 'README.md', '.dockerignore'])(
    '%s is not',
    (name) => expect(isDockerfileName(name)).toBe(false),
  );
});

describe('directory search', () => {
  test('finds every naming convention, case-insensitively, in sorted order', async () => {
    writeFiles(dir, {
      'Dockerfile': DF,
      'api/api.dockerfile': DF,
      'api/Dockerfile-dev': DF,
      'web/dockerfile': DF,
      'web/Dockerfile.prod': DF,
      'web/Containerfile': DF,
      'web/README.md': '# no',
      'web/Dockerfile.dockerignore': 'node_modules\n',
    });
    expect(await found([])).toEqual(['Dockerfile', 'api/Dockerfile-dev', 'api/api.dockerfile', 'web/Containerfile', 'web/Dockerfile.prod', 'web/dockerfile']);
  });

  test('skips node_modules and .git', async () => {
    writeFiles(dir, { 'node_modules/pkg/Dockerfile': DF, '.git/Dockerfile': DF, 'a/node_modules/Dockerfile': DF, 'a/Dockerfile': DF });
    expect(await found(['.'])).toEqual(['a/Dockerfile']);
  });

  test('honours .gitignore files, nested ones and negations included', async () => {
    writeFiles(dir, {
      '.gitignore': 'build/\n*.tmp.Dockerfile\n',
      'build/Dockerfile': DF,
      'x.tmp.Dockerfile': DF,
      'svc/.gitignore': 'Dockerfile.local\n!keep.tmp.Dockerfile\n',
      'svc/Dockerfile': DF,
      'svc/Dockerfile.local': DF,
      'svc/keep.tmp.Dockerfile': DF,
    });
    expect(await found([])).toEqual(['svc/Dockerfile', 'svc/keep.tmp.Dockerfile']);
  });

  test('.gitignore files above the searched directory count inside a Git work tree', async () => {
    mkdirSync(join(dir, '.git'));
    writeFiles(dir, { '.gitignore': 'generated/\nDockerfile.ci\n', 'app/Dockerfile': DF, 'app/Dockerfile.ci': DF, 'app/generated/Dockerfile': DF });
    expect(await found(['.'], join(dir, 'app'))).toEqual(['Dockerfile']);
  });

  test('an explicitly named directory is searched even when .gitignore excludes it', async () => {
    mkdirSync(join(dir, '.git'));
    writeFiles(dir, { '.gitignore': 'vendor/\n', 'vendor/Dockerfile': DF });
    expect(await found([])).toEqual([]);
    expect(await found(['vendor'])).toEqual(['vendor/Dockerfile']);
  });

  test('a file named explicitly is linted whatever its name, even if gitignored', async () => {
    writeFiles(dir, { '.gitignore': 'docker.txt\n', 'docker.txt': DF });
    expect(await found(['docker.txt'])).toEqual(['docker.txt']);
  });

  test('the config ignorePatterns exclude files, relative to the config file', async () => {
    writeFiles(dir, {
      '.dockerfile-opt.json': JSON.stringify({ extends: 'none', ignorePatterns: ['legacy/', 'Dockerfile.old'] }),
      'legacy/Dockerfile': DF,
      'Dockerfile.old': DF,
      'app/Dockerfile.old': DF,
      'app/Dockerfile': DF,
    });
    expect(await found([])).toEqual(['app/Dockerfile']);
    // Named explicitly, an ignored file is still skipped: the config says never lint it.
    expect(await found(['Dockerfile.old'])).toEqual([]);
  });

  test('--no-ignore lints what .gitignore and ignorePatterns exclude (but not node_modules)', async () => {
    writeFiles(dir, {
      '.dockerfile-opt.json': JSON.stringify({ extends: 'none', ignorePatterns: ['legacy/'] }),
      '.gitignore': 'build/\n',
      'legacy/Dockerfile': DF,
      'build/Dockerfile': DF,
      'node_modules/Dockerfile': DF,
    });
    expect(await found([], dir, { ignore: false })).toEqual(['build/Dockerfile', 'legacy/Dockerfile']);
    const r = await run(['lint', '--no-ignore', '-f', 'json'], dir);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(2);
  });

  test('follows symbolic links to files, not to directories', async () => {
    writeFiles(dir, { 'real/Dockerfile': DF });
    symlinkSync(join(dir, 'real'), join(dir, 'linked-dir'));
    symlinkSync(join(dir, 'real/Dockerfile'), join(dir, 'api.Dockerfile'));
    expect(await found([])).toEqual(['api.Dockerfile', 'real/Dockerfile']);
  });

  test('a path given twice is linted once', async () => {
    writeFiles(dir, { 'Dockerfile': DF });
    expect(await found(['Dockerfile', '.', './Dockerfile'])).toEqual(['Dockerfile']);
  });
});

describe('globs', () => {
  test('match Dockerfiles below the literal part, and search matched directories', async () => {
    writeFiles(dir, {
      'services/api/Dockerfile': DF,
      'services/api/notes.txt': 'x',
      'services/web/deploy/web.Dockerfile': DF,
      'tools/Dockerfile': DF,
    });
    expect(await found(['services/*'])).toEqual(['services/api/Dockerfile', 'services/web/deploy/web.Dockerfile']);
    expect(await found(['**/*.dockerfile'])).toEqual(['services/web/deploy/web.Dockerfile']);
    expect(await found(['{tools,services/api}/Dockerfile'])).toEqual(['services/api/Dockerfile', 'tools/Dockerfile']);
    // A glob whose files an earlier argument already named still matched something.
    expect(await found(['tools', 'tools/*'])).toEqual(['tools/Dockerfile']);
  });

  test('glob syntax', () => {
    expect(globToRegExp('**/Dockerfile').test('Dockerfile')).toBe(true);
    expect(globToRegExp('**/Dockerfile').test('a/b/Dockerfile')).toBe(true);
    expect(globToRegExp('a/*/c').test('a/b/c')).toBe(true);
    expect(globToRegExp('a/*/c').test('a/b/x/c')).toBe(false);
    expect(globToRegExp('a/**').test('a/b/c')).toBe(true);
    expect(globToRegExp('Dockerfile.[ab]?').test('Dockerfile.b1')).toBe(true);
    expect(globToRegExp('Dockerfile.[!ab]').test('Dockerfile.a')).toBe(false);
    expect(globToRegExp('x.{dev,prod}').test('x.prod')).toBe(true);
    expect(globToRegExp('x.(y)+').test('x.(y)+')).toBe(true);
  });
});
