import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseSteps } from './buildah.js';
import type { BuildRequest, BuildResult, Builder, ImageFile, ImageInfo, RunResult } from './builder.js';
import { finalBaseImage, verifyCommand } from './command.js';
import { formatVerifyJson, formatVerifyText, groupByDirectory } from './format.js';
import { removeInside } from './temp.js';
import { defaultTouch, verifyRewrite } from './verify.js';

/**
 * A builder that imitates a content-based layer cache: a step is cached when it and every step
 * before it saw the same inputs as the last build of the same Dockerfile.
 */
class FakeBuilder implements Builder {
  readonly name = 'fake';
  readonly calls: string[] = [];
  /** The edited source file as each build saw it. */
  readonly sources: string[] = [];
  private readonly lastInputs = new Map<string, string[]>();
  private readonly images = new Map<string, { side: 'original' | 'fixed'; sourceAtBuild: string }>();

  constructor(private readonly options: { fixedBuilds?: boolean; fixedOutput?: string; missing?: string } = {}) {}

  unavailable(): Promise<string | null> {
    return Promise.resolve(this.options.missing ?? null);
  }

  build(request: BuildRequest): Promise<BuildResult> {
    const side = request.dockerfile.endsWith('fixed.Dockerfile') ? 'fixed' : 'original';
    this.calls.push(`build ${side}${request.noCache ? ' --no-cache' : ''}`);
    if (side === 'fixed' && this.options.fixedBuilds === false) return Promise.resolve({ ok: false, seconds: 1, steps: [], log: 'STEP 1/2: FROM x\nerror: boom\n' });
    const dockerfile = readFileSync(request.dockerfile, 'utf8');
    const source = readFileSync(join(request.context, 'src/main.go'), 'utf8');
    this.sources.push(source);
    // The instructions after FROM; a COPY of the source depends on its content.
    const instructions = dockerfile.split('\n').filter((line) => line !== '' && !line.startsWith('FROM'));
    const inputs = instructions.map((line) => (line.startsWith('COPY src') ? `${line}|${source}` : line));
    const last = request.noCache ? [] : (this.lastInputs.get(side) ?? []);
    let reusable = true;
    const steps = instructions.map((instruction, i) => {
      reusable &&= last[i] === inputs[i];
      return { instruction, cached: reusable };
    });
    this.lastInputs.set(side, inputs);
    this.images.set(request.tag, { side, sourceAtBuild: source });
    return Promise.resolve({ ok: true, seconds: side === 'original' ? 40 : 30, steps, log: '' });
  }

  inspect(image: string): Promise<ImageInfo> {
    const side = this.images.get(image)?.side;
    return Promise.resolve(side === 'fixed' ? { sizeBytes: 3 * 1024 * 1024, layers: 2, entrypoint: [], cmd: ['/app'] } : { sizeBytes: 300 * 1024 * 1024, layers: 9, entrypoint: [], cmd: ['/app'] });
  }

  files(image: string): Promise<Map<string, ImageFile>> {
    this.calls.push(`files ${image.endsWith('fixed') ? 'fixed' : image.endsWith('original') ? 'original' : image}`);
    const file = (digest: string): ImageFile => ({ size: 1, digest });
    if (image === 'golang:1.22') return Promise.resolve(new Map([['/usr/bin/go', file('go')]]));
    if (this.images.get(image)?.side === 'fixed') return Promise.resolve(new Map([['/app', file('bin')], ['/web/index.html', file('html2')]]));
    return Promise.resolve(new Map([['/usr/bin/go', file('go')], ['/app', file('bin')], ['/src/main.go', file('src')], ['/web/index.html', file('html')]]));
  }

  run(image: string): Promise<RunResult> {
    const side = this.images.get(image)?.side;
    this.calls.push(`run ${side ?? image}`);
    return Promise.resolve({ exitCode: 0, output: side === 'fixed' && this.options.fixedOutput !== undefined ? this.options.fixedOutput : 'hello\n' });
  }

  removeImage(image: string): Promise<void> {
    this.calls.push(`rmi ${image.endsWith('fixed') ? 'fixed' : 'original'}`);
    return Promise.resolve();
  }
}

const ORIGINAL = 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod .\nRUN go mod download\nCOPY src ./src\nRUN go build -o /app\nCMD ["/app"]\n';
const FIXED = 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod .\nRUN go mod download\nCOPY src ./src\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nCMD ["/app"]\n';

let context: string;
beforeEach(() => {
  context = mkdtempSync(join(tmpdir(), 'verify-test-'));
  for (const [path, text] of Object.entries({ 'go.mod': 'module x\n', 'src/main.go': 'package main\n', 'src/util/helper.go': 'package util\n', 'README.md': '# x\n' })) {
    mkdirSync(dirname(join(context, path)), { recursive: true });
    writeFileSync(join(context, path), text);
  }
});
afterEach(() => rmSync(context, { recursive: true, force: true }));

const verifyTemps = () => readdirSync(tmpdir()).filter((name) => name.startsWith('dockerfile-opt-verify-'));

describe('verifyRewrite', () => {
  test('builds both cold, runs, compares files, edits a copy of the source and rebuilds both', async () => {
    const builder = new FakeBuilder();
    const tempsBefore = verifyTemps();
    const report = await verifyRewrite({ builder, original: ORIGINAL, fixed: FIXED, context, touch: 'src/main.go', run: { timeoutMs: 1000 }, baseImage: 'golang:1.22' });

    expect(builder.calls).toEqual([
      'build original --no-cache', 'build fixed --no-cache', 'run original', 'run fixed',
      'files original', 'files fixed', 'files golang:1.22', 'build original', 'build fixed', 'rmi original', 'rmi fixed',
    ]);
    expect(report.sameOutput).toBe(true);
    expect(report.runtimeFiles).toEqual({ missing: ['/src/main.go'], changed: ['/web/index.html'] });
    // Every step up to the source COPY is reused; the COPY and what follows it are rebuilt.
    expect(report.fixed.rebuild?.steps).toEqual([
      { instruction: 'WORKDIR /src', cached: true },
      { instruction: 'COPY go.mod .', cached: true },
      { instruction: 'RUN go mod download', cached: true },
      { instruction: 'COPY src ./src', cached: false },
      { instruction: 'RUN go build -o /app', cached: false },
      { instruction: 'COPY --from=build /app /app', cached: false },
      { instruction: 'CMD ["/app"]', cached: false },
    ]);
    expect(report.fixed.build.steps.every((s) => !s.cached)).toBe(true);
    // Each rebuild sees an edit of its own, so neither reuses the other's layers.
    expect(builder.sources.slice(0, 2)).toEqual(['package main\n', 'package main\n']);
    const run = /^package main\n\n\/\/ edited by dockerfile-opt verify before the original rebuild \((dockerfile-opt-verify-\w{6})\)\n$/.exec(builder.sources[2] ?? '')?.[1];
    expect(run).toBeDefined();
    expect(builder.sources[3]).toBe(`package main\n\n// edited by dockerfile-opt verify before the fixed rebuild (${run})\n`);
    // The user's file is untouched and the temporary copy is gone.
    expect(readFileSync(join(context, 'src/main.go'), 'utf8')).toBe('package main\n');
    expect(verifyTemps()).toEqual(tempsBefore);
  });

  test('a different answer is reported; a fixed side that does not build is neither run nor rebuilt', async () => {
    const differs = await verifyRewrite({ builder: new FakeBuilder({ fixedOutput: 'bye\n' }), original: ORIGINAL, fixed: FIXED, context, touch: 'src/main.go', run: { timeoutMs: 1000 } });
    expect(differs.sameOutput).toBe(false);

    const builder = new FakeBuilder({ fixedBuilds: false });
    const broken = await verifyRewrite({ builder, original: ORIGINAL, fixed: FIXED, context, touch: 'src/main.go', run: { timeoutMs: 1000 } });
    expect(builder.calls).toEqual(['build original --no-cache', 'build fixed --no-cache', 'build original', 'rmi original', 'rmi fixed']);
    expect(broken).toMatchObject({ sameOutput: null, runtimeFiles: null, fixed: { image: null, rebuild: null, run: null } });
    expect(formatVerifyText(broken, 'fake')).toContain('The fixed build failed; the end of its log:\n  STEP 1/2: FROM x\n  error: boom');
  });

  test('keepImages leaves the images for the caller', async () => {
    const builder = new FakeBuilder();
    const report = await verifyRewrite({ builder, original: ORIGINAL, fixed: FIXED, context, touch: 'src/main.go', tagPrefix: 'localhost/t/app', keepImages: true });
    expect(report.tags).toEqual({ original: 'localhost/t/app-original', fixed: 'localhost/t/app-fixed' });
    expect(builder.calls.filter((c) => c.startsWith('rmi'))).toEqual([]);
  });
});

describe('the report', () => {
  test('text table and JSON', async () => {
    const report = await verifyRewrite({ builder: new FakeBuilder(), original: ORIGINAL, fixed: FIXED, context, touch: 'src/main.go', run: { timeoutMs: 1000 }, baseImage: 'golang:1.22' });
    expect(formatVerifyText(report, 'fake')).toBe(
      [
        'Built with fake.',
        '',
        '                                   original             fixed',
        '---------------------------------  -------------------  -------------------',
        'final image size                   300.0 MiB            3.0 MiB',
        'layers                             9                    2',
        'cold build                         40.0 s               30.0 s',
        'rebuild after editing src/main.go  40.0 s               30.0 s',
        'steps after the edit               3 cached, 3 rebuilt  3 cached, 4 rebuilt',
        'command                            exit 0               exit 0',
        '',
        'The command gives the same output.',
        '',
        'Files the original build added that differ in the fixed image (build tools and sources are expected here):',
        '  missing  /src/main.go',
        '  changed  /web/index.html',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(formatVerifyJson(report, 'fake')) as Record<string, unknown>;
    expect(json).toMatchObject({ builder: 'fake', touched: 'src/main.go', sameOutput: true, original: { built: true, sizeBytes: 300 * 1024 * 1024, layers: 9 }, fixed: { sizeBytes: 3 * 1024 * 1024, rebuildSeconds: 30 } });
  });
});

describe('helpers', () => {
  test('defaultTouch prefers a source file under src/, then a shallow one', async () => {
    expect(await defaultTouch(context)).toBe('src/main.go');
    rmSync(join(context, 'src'), { recursive: true });
    expect(await defaultTouch(context)).toBe(null);
    writeFileSync(join(context, 'app.py'), 'print(1)\n');
    expect(await defaultTouch(context)).toBe('app.py');
  });

  test('groupByDirectory folds deep directories with several files', () => {
    expect(groupByDirectory(['/app/server', '/root/.cache/go-build/00/a', '/root/.cache/go-build/01/b', '/usr/lib/go/src/x.go', '/web/index.html'])).toEqual([
      '/app/server',
      '/root/.cache/go-build/ (2 files)',
      '/usr/lib/go/src/x.go',
      '/web/index.html',
    ]);
  });

  test('parseSteps reads buildah output, leaving out FROM', () => {
    const log = '[1/2] STEP 1/3: FROM golang AS b\n[1/2] STEP 2/3: COPY go.mod .\n--> Using cache 1234\n--> 1234\n[1/2] STEP 3/3: RUN go build\n--> 5678\n[2/2] STEP 1/2: FROM scratch\n[2/2] STEP 2/2: COPY --from=b /app /app\n';
    expect(parseSteps(log)).toEqual([
      { instruction: 'COPY go.mod .', cached: true },
      { instruction: 'RUN go build', cached: false },
      { instruction: 'COPY --from=b /app /app', cached: false },
    ]);
  });

  test('finalBaseImage follows stages to an image', () => {
    expect(finalBaseImage('FROM golang:1.22 AS b\nFROM b AS c\nFROM c\n')).toBe('golang:1.22');
    expect(finalBaseImage('FROM scratch\n')).toBeUndefined();
  });

  test('removeInside refuses empty paths and paths outside the parent', async () => {
    await expect(removeInside(context, '')).rejects.toThrow('empty path');
    await expect(removeInside(context, context)).rejects.toThrow('not inside');
    await expect(removeInside(context, join(context, '../elsewhere'))).rejects.toThrow('not inside');
    await removeInside(context, join(context, 'src'));
    expect(existsSync(join(context, 'src'))).toBe(false);
  });
});

describe('verifyCommand', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, cwd: context, env: {} } };
  };

  test('a clear message when the builder is not installed', async () => {
    const { out, io: cliIo } = io();
    writeFileSync(join(context, 'Dockerfile'), ORIGINAL);
    const code = await verifyCommand(['Dockerfile'], cliIo, () => new FakeBuilder({ missing: 'buildah is not installed (Debian: apt-get install -y buildah).' }));
    expect(code).toBe(2);
    expect(out.stderr).toBe('dockerfile-opt: verify needs an image builder: buildah is not installed (Debian: apt-get install -y buildah).\n');
  });

  test('nothing to verify when the fixes change nothing', async () => {
    const { out, io: cliIo } = io();
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\nCOPY go.mod /\n');
    expect(await verifyCommand(['Dockerfile'], cliIo, () => new FakeBuilder())).toBe(0);
    expect(out.stdout).toBe('Nothing to verify: the fixes leave this Dockerfile unchanged.\n');
  });

  test('usage errors', async () => {
    const { io: cliIo } = io();
    await expect(verifyCommand([], cliIo, () => new FakeBuilder())).rejects.toThrow('verify takes exactly one Dockerfile.');
    await expect(verifyCommand(['Dockerfile', '--builder', 'docker'], cliIo, () => null)).rejects.toThrow('Unknown builder "docker"');
    await expect(verifyCommand(['Dockerfile', '--format', 'xml'], cliIo, () => new FakeBuilder())).rejects.toThrow('Unknown format "xml"');
  });
});
