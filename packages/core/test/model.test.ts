import { describe, expect, test } from '@jest/globals';
import { DockerfileModel, parseDockerfile, type InstructionNode } from '../src/index.js';

const model = (text: string): DockerfileModel => new DockerfileModel(parseDockerfile(text));
const find = (m: DockerfileModel, keyword: string, nth = 0): InstructionNode =>
  m.root.instructions.filter((i) => i.keyword === keyword)[nth] as InstructionNode;

describe('stages and the stage graph', () => {
  const text = [
    'ARG GO=1.22',
    'FROM golang:${GO} AS Build',
    'RUN go build -o /out/app ./cmd/app',
    'FROM build AS test',
    'RUN go test ./...',
    'FROM scratch AS unused',
    'FROM ${BASE_IMAGE} AS dyn',
    'FROM gcr.io/distroless/static:nonroot',
    'COPY --from=build /out/app /app',
    'COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/',
    'COPY --from=0 /out/app /app2',
    'COPY --from=buidler /x /y',
    'RUN --mount=type=bind,from=test,source=/src,target=/src true',
    '',
  ].join('\n');
  const m = model(text);

  test('stages with names, bases and the final flag', () => {
    expect(m.stages.map((s) => [s.index, s.name, s.base.kind, s.isFinal])).toEqual([
      [0, 'build', 'image', false],
      [1, 'test', 'stage', false],
      [2, 'unused', 'scratch', false],
      [3, 'dyn', 'unresolved', false],
      [4, null, 'image', true],
    ]);
    expect(m.stages[0]!.base).toEqual({ kind: 'image', image: 'golang:1.22', name: 'golang', tag: '1.22', digest: null });
    expect(m.stages[4]!.base).toMatchObject({ name: 'gcr.io/distroless/static', tag: 'nonroot' });
  });

  test('references resolve to stages, images or problems', () => {
    expect(m.refs.map((r) => [r.kind, r.text, r.target?.index ?? null, r.external, r.problem])).toEqual([
      ['from', 'build', 0, false, null],
      ['copy', 'build', 0, false, null],
      ['copy', 'nginx:1.27', null, true, null],
      ['copy', '0', 0, false, null],
      ['copy', 'buidler', null, false, 'unknown'],
      ['mount', 'test', 1, false, null],
    ]);
    const mount = m.refs[5]!;
    expect(text.slice(...mount.range)).toBe('test');
  });

  test('what the final stage needs', () => {
    expect([...m.neededStages()].map((s) => s.index).sort()).toEqual([0, 1, 4]);
    expect([...m.neededStages(m.stages[1])].map((s) => s.index).sort()).toEqual([0, 1]);
  });

  test('forward, self and out-of-range references', () => {
    const m2 = model('FROM alpine AS a\nCOPY --from=a /x /y\nCOPY --from=b /x /y\nCOPY --from=7 /x /y\nFROM alpine AS b\n');
    expect(m2.refs.map((r) => r.problem)).toEqual(['self', 'forward', 'index-out-of-range']);
  });
});

describe('variables', () => {
  test('global ARGs in FROM, stage ARG re-declaration, ENV expansion with defaults', () => {
    const m = model(
      [
        'ARG VERSION=3.19',
        'ARG UNSET',
        'FROM alpine:${VERSION}',
        'ARG VERSION',
        'ENV APP_HOME=/srv/app SAME_LINE=${APP_HOME}/data',
        'ENV DATA=${APP_HOME}/data',
        'ENV MODE=${MODE_OVERRIDE:-production}',
        'RUN echo',
        '',
      ].join('\n'),
    );
    expect(m.stages[0]!.base).toMatchObject({ image: 'alpine:3.19' });
    const run = find(m, 'RUN');
    const state = m.stateAt(run);
    expect(state.args.get('VERSION')).toBe('3.19');
    expect(state.env.get('APP_HOME')).toBe('/srv/app');
    expect(state.env.get('DATA')).toBe('/srv/app/data');
    // one ENV expands every value with the variables in force before it, as Docker does
    expect(state.env.has('SAME_LINE')).toBe(true);
    expect(state.env.get('SAME_LINE')).toBeUndefined();
    expect(m.expand('${APP_HOME}/bin:$VERSION', run).value).toBe('/srv/app/bin:3.19');
    // MODE_OVERRIDE may come from the base image: unknown, so MODE is unknown
    expect(state.env.get('MODE')).toBeUndefined();
    expect(state.env.has('MODE')).toBe(true);
    // a variable not declared in the file may come from the base image's ENV
    expect(m.expand('$GOPATH/bin', run)).toEqual({ value: null, undeclared: ['GOPATH'], referenced: ['GOPATH'] });
  });

  test('unset global ARG in FROM leaves the base unresolved; ${X:-default} resolves', () => {
    const m = model('ARG BASE\nFROM ${BASE}\nFROM ${OTHER:-debian}:12\n');
    expect(m.stages.map((s) => s.base.kind)).toEqual(['unresolved', 'image']);
    expect(m.stages[1]!.base).toMatchObject({ image: 'debian:12' });
  });

  test('platform ARGs are global; a stage sees them only after declaring them', () => {
    const m = model('FROM --platform=$BUILDPLATFORM alpine\nRUN echo\nARG TARGETARCH\nRUN echo\n');
    expect(m.stateAt(find(m, 'FROM')).args.has('BUILDPLATFORM')).toBe(true);
    expect(m.stateAt(find(m, 'RUN')).args.has('TARGETARCH')).toBe(false);
    const after = m.stateAt(find(m, 'RUN', 1));
    expect([after.args.has('TARGETARCH'), after.args.get('TARGETARCH')]).toEqual([true, undefined]);
  });

  test('ENV is inherited by child stages, ARG is not', () => {
    const m = model('FROM alpine AS base\nARG A=1\nENV E=2\nFROM base\nRUN true\n');
    const state = m.stateAt(find(m, 'RUN'));
    expect(state.env.get('E')).toBe('2');
    expect(state.args.has('A')).toBe(false);
  });
});

describe('per-instruction state', () => {
  test('WORKDIR (relative to the previous one), USER and SHELL in force', () => {
    const m = model('FROM alpine\nWORKDIR /app\nWORKDIR src\nUSER 1000\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN true\nFROM alpine\nRUN true\n');
    const run = find(m, 'RUN');
    expect(m.stateAt(run)).toMatchObject({ workdir: '/app/src', workdirKnown: true, user: '1000', shell: ['/bin/bash', '-o', 'pipefail', '-c'] });
    expect(m.stateAt(find(m, 'RUN', 1))).toMatchObject({ workdir: '/', workdirKnown: false, user: null, shell: ['/bin/sh', '-c'] });
  });

  test('a Windows drive path is an absolute WORKDIR', () => {
    for (const dir of ['C:\\\\app', 'c:/app']) {
      const m = model(`FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR ${dir}\nRUN dir\n`);
      expect(m.stateAt(find(m, 'RUN')).workdirKnown).toBe(true);
    }
  });

  test('a relative first WORKDIR is not known to be absolute', () => {
    const m = model('FROM golang\nWORKDIR web\nRUN true\n');
    expect(m.stateAt(find(m, 'RUN'))).toMatchObject({ workdir: '/web', workdirKnown: false });
  });
});

describe('file-system writes', () => {
  test('COPY, WORKDIR and RUN writes of the seed lab', () => {
    const m = model('FROM diamol/golang\nWORKDIR web\nCOPY index.html .\nCOPY main.go .\nRUN go build -o /web/server\nRUN chmod +x /web/server\n');
    const stage = m.stages[0]!;
    expect(m.writes(stage).map((w) => [w.how, w.kind, w.path])).toEqual([
      ['workdir', 'dir', '/web'],
      ['copy', 'file', '/web/index.html'],
      ['copy', 'file', '/web/main.go'],
      ['run', 'file', '/web/server'],
    ]);
    expect(m.produces(stage, '/web/server')).toBe('yes');
    expect(m.produces(stage, '/web/other')).toBe('no');
    expect(m.produces(stage, '/usr/bin/go')).toBe('no');
    expect(m.hasOpaqueWrites(stage)).toBe(false);
  });

  test('RUN writes: mkdir, touch, redirections, cp/mv targets, tar -C, cd, build tools', () => {
    const m = model(
      [
        'FROM debian',
        'WORKDIR /src',
        'RUN mkdir -p /opt/a /opt/b && touch /opt/a/f && echo hi > out.txt && cp bin/tool /usr/local/bin/ \\',
        '  && mv x.conf /etc/x.conf && tar -xzf a.tgz -C /opt/c && cd sub && cargo build --release && mvn package',
        '',
      ].join('\n'),
    );
    const run = find(m, 'RUN');
    expect(m.runEffects(run).writes.map((w) => [w.command, w.kind, w.path])).toEqual([
      ['mkdir', 'dir', '/opt/a'],
      ['mkdir', 'dir', '/opt/b'],
      ['touch', 'file', '/opt/a/f'],
      ['echo', 'file', '/src/out.txt'],
      ['cp', 'file', '/usr/local/bin/tool'],
      ['cp', 'tree', '/usr/local/bin'],
      ['mv', 'file', '/etc/x.conf'],
      ['mv', 'file', '/etc/x.conf/x.conf'],
      ['tar', 'tree', '/opt/c'],
      ['cargo', 'tree', '/src/sub/target'],
      ['mvn', 'tree', '/src/sub/target'],
    ]);
    expect(m.runEffects(run).opaque).toBe(false);
  });

  test('an unknown command makes a RUN opaque; exec form too', () => {
    const m = model('FROM debian\nRUN ./build.sh\nFROM debian\nRUN ["make"]\n');
    expect(m.runEffects(find(m, 'RUN')).opaque).toBe(true);
    expect(m.hasOpaqueWrites(m.stages[1]!)).toBe(true);
  });

  test('heredoc scripts are parsed; heredoc data given to a command is not', () => {
    const m = model('FROM debian\nRUN <<EOF\nmkdir /data\ngo build -o /bin/app\nEOF\nRUN cat <<EOF > /etc/motd\nmkdir /not-run\nEOF\n');
    expect(m.runEffects(find(m, 'RUN')).writes.map((w) => w.path)).toEqual(['/data', '/bin/app']);
    expect(m.runEffects(find(m, 'RUN', 1)).writes.map((w) => w.path)).toEqual(['/etc/motd']);
  });

  test('writes of a parent stage are inherited', () => {
    const m = model('FROM alpine AS base\nRUN mkdir /data\nFROM base\nCOPY a.txt /data/\n');
    expect(m.writes(m.stages[1]!).map((w) => w.path)).toEqual(['/data', '/data/a.txt']);
  });

  test('COPY info: sources, expanded destination, directory destinations', () => {
    const m = model('FROM alpine\nARG DEST=/opt\nWORKDIR /w\nCOPY --chown=1 a b ${DEST}/\nCOPY ["x y", "z"]\nCOPY *.json ./\n');
    const [c1, c2, c3] = m.root.instructions.filter((i) => i.type === 'COPY');
    expect(m.copyInfo(c1!)).toMatchObject({ destPath: '/opt', destIsDir: true, from: null });
    expect(m.copyInfo(c1!).sources.map((s) => s.value)).toEqual(['a', 'b']);
    expect(m.copyInfo(c2!).destPath).toBe('/w/z');
    expect(m.copyInfo(c3!)).toMatchObject({ destPath: '/w', destIsDir: true });
    expect(m.copyInfo(c3!).sources[0]).toMatchObject({ value: '*.json', hasGlob: true });
  });
});

describe('long files', () => {
  test('thousands of ENV instructions keep every snapshot right without copying', () => {
    const lines = ['FROM alpine'];
    for (let i = 0; i < 3000; i++) lines.push(`ENV V${i}=${i}`);
    lines.push('RUN true');
    const m = model(lines.join('\n'));
    const env = m.stateAt(find(m, 'RUN')).env;
    expect(env.size).toBe(3000);
    expect(env.get('V0')).toBe('0');
    expect(env.get('V2999')).toBe('2999');
    const middle = m.stateAt(find(m, 'ENV', 1500)).env;
    expect([middle.has('V1499'), middle.has('V1500')]).toEqual([true, false]);
  });
});

describe('derived facts', () => {
  test('computed once per instruction and function, for the model that asked', () => {
    const text = 'FROM a\nRUN apt-get update\nRUN true\n';
    const model = new DockerfileModel(parseDockerfile(text));
    const [, first, second] = model.root.instructions as [InstructionNode, InstructionNode, InstructionNode];
    const calls: string[] = [];
    const words = (m: DockerfileModel, node: InstructionNode) => {
      calls.push(`words ${node.argsText}`);
      return m.shell(node).flatMap((s) => s.commands.map((c) => c.name?.value));
    };
    const nothing = (_m: DockerfileModel, node: InstructionNode) => {
      calls.push(`nothing ${node.argsText}`);
      return undefined;
    };
    const once = model.derive(first, words);
    expect(once).toEqual(['apt-get']);
    expect(model.derive(first, words)).toBe(once);
    expect(model.derive(second, words)).toEqual(['true']);
    expect(model.derive(first, nothing)).toBeUndefined();
    expect(model.derive(first, nothing)).toBeUndefined();
    // Another model of the same tree computes its own.
    expect(new DockerfileModel(model.root).derive(first, words)).not.toBe(once);
    expect(calls).toEqual(['words apt-get update', 'words true', 'nothing apt-get update', 'words apt-get update']);
  });
});
