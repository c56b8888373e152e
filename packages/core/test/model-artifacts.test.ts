import { describe, expect, test } from '@jest/globals';
import { DockerfileModel, parseDockerfile, type InstructionNode } from '../src/index.js';

const model = (text: string): DockerfileModel => new DockerfileModel(parseDockerfile(text));
const runs = (m: DockerfileModel): InstructionNode[] => m.root.instructions.filter((i) => i.keyword === 'RUN');

describe('writes resolved against an unknown WORKDIR are not anchored', () => {
  test('relative WORKDIR, COPY and RUN paths on an image base', () => {
    const m = model('FROM golang AS b\nWORKDIR src\nCOPY main.go .\nCOPY x.conf /etc/x.conf\nRUN go build -o bin/app && go build -o /out/app\n');
    expect(m.writes(m.stages[0]!).map((w) => [w.path, w.anchored])).toEqual([
      ['/src', false],
      ['/src/main.go', false],
      ['/etc/x.conf', true],
      ['/src/bin/app', false],
      ['/out/app', true],
    ]);
  });

  test('an absolute WORKDIR or cd anchors the paths after it', () => {
    const m = model('FROM alpine\nRUN cd /build && make -C x > log.txt\nWORKDIR /app\nWORKDIR sub\nCOPY a ./\n');
    expect(m.writes(m.stages[0]!).map((w) => [w.path, w.anchored])).toEqual([
      ['/build/log.txt', true],
      ['/build', true],
      ['/app', true],
      ['/app/sub', true],
      ['/app/sub/a', true],
      ['/app/sub', true],
    ]);
  });

  test('scratch starts in /, so its relative paths are known', () => {
    const m = model('FROM scratch\nCOPY app .\n');
    expect(m.stateAt(m.root.instructions[1]!).workdirKnown).toBe(true);
    expect(m.writes(m.stages[0]!).map((w) => [w.path, w.anchored])).toEqual([
      ['/app', true],
      ['/', true],
    ]);
  });
});

describe('WORKDIR', () => {
  test('quotes around the directory are removed; single quotes keep $ literal', () => {
    const m = model('FROM alpine\nENV D=/srv\nWORKDIR "$D/app/"\nRUN true\nWORKDIR \'/x/$D\'\nRUN true\n');
    const [first, second] = runs(m);
    expect(m.stateAt(first!).workdir).toBe('/srv/app');
    expect(m.stateAt(second!).workdir).toBe('/x/$D');
    expect(m.writes(m.stages[0]!).map((w) => w.path)).toEqual(['/srv/app', '/x/$D']);
  });
});

describe('COPY into a directory', () => {
  test('a file source writes one file; a directory, glob or archive source writes a tree', () => {
    const m = model('FROM alpine\nWORKDIR /app\nCOPY index.html .\nCOPY src ./\nCOPY conf.d /etc/\nCOPY *.json ./\nADD app.tar.gz /opt/\nADD https://example.com/x.txt /opt/\nCOPY <<EOF /etc/motd.d/\nhi\nEOF\n');
    expect(m.writes(m.stages[0]!).map((w) => [w.how, w.kind, w.path])).toEqual([
      ['workdir', 'dir', '/app'],
      ['copy', 'file', '/app/index.html'],
      ['copy', 'file', '/app/src'],
      ['copy', 'tree', '/app'],
      ['copy', 'file', '/etc/conf.d'],
      ['copy', 'tree', '/etc'],
      ['copy', 'tree', '/app'],
      ['add', 'file', '/opt/app.tar.gz'],
      ['add', 'tree', '/opt'],
      ['add', 'file', '/opt/x.txt'],
      ['copy', 'tree', '/etc/motd.d'],
    ]);
    expect(m.produces(m.stages[0]!, '/app/other.html')).toBe('maybe');
  });
});

describe('produces', () => {
  test('a path below a directory copied whole may exist', () => {
    const m = model('FROM alpine\nCOPY . /app\nCOPY dist /srv/site\n');
    const stage = m.stages[0]!;
    expect(m.produces(stage, '/app')).toBe('yes');
    expect(m.produces(stage, '/app/package.json')).toBe('maybe');
    expect(m.produces(stage, '/srv/site/index.html')).toBe('maybe');
    expect(m.produces(stage, '/srv/other')).toBe('no');
  });
});

describe('RUN commands that run other programs', () => {
  test('script interpreters may write anywhere', () => {
    for (const command of ['node build.js', 'java -jar app.jar extract', 'python3 setup.py', 'python gen.py', 'npx tsc']) {
      const m = model(`FROM debian\nRUN ${command}\n`);
      expect([command, m.runEffects(runs(m)[0]!).opaque]).toEqual([command, true]);
    }
  });

  test('package scripts and bundlers may write outside the working directory; installs write below it', () => {
    const m = model('FROM node\nWORKDIR /app\nRUN npm ci && yarn install --frozen-lockfile && pnpm add x && bun install\nRUN npm run build\nRUN yarn build\nRUN bun build ./src --outdir ../static\nRUN pnpm exec vite build\n');
    const [install, ...scripts] = runs(m);
    expect(m.runEffects(install!)).toMatchObject({ opaque: false, writes: [{ path: '/app' }, { path: '/app' }, { path: '/app' }, { path: '/app' }] });
    expect(scripts.map((run) => m.runEffects(run).opaque)).toEqual([true, true, true, true]);
  });

  test('env, nohup, exec, command and time run the command after their options', () => {
    const m = model('FROM debian\nRUN env CGO_ENABLED=0 GOOS=linux go build -o /out/app . && command -v go && env\nRUN time mkdir /data && exec touch /data/x\n');
    const [first, second] = runs(m);
    expect(m.runEffects(first!)).toMatchObject({ opaque: false, writes: [{ command: 'go', path: '/out/app', kind: 'file' }] });
    expect(m.runEffects(second!).writes.map((w) => [w.command, w.path])).toEqual([
      ['mkdir', '/data'],
      ['touch', '/data/x'],
    ]);
    expect(m.runEffects(second!).opaque).toBe(false);
  });

  test('xargs, sudo and find -exec cannot be followed', () => {
    for (const command of ['ls *.proto | xargs protoc --go_out=/out', 'sudo -u app make', 'find . -name "*.sh" -exec cp {} /bin \\;']) {
      const m = model(`FROM debian\nRUN ${command}\n`);
      expect([command, m.runEffects(runs(m)[0]!).opaque]).toEqual([command, true]);
    }
    const m = model('FROM debian\nRUN find /tmp -name "*.log" -delete\n');
    expect(m.runEffects(runs(m)[0]!).opaque).toBe(false);
  });
});
