import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from '@jest/globals';
import { parseDockerfile, type FromNode, type InstructionNode } from '../src/index.js';

const slice = (text: string, node: { range: [number, number] }): string => text.replace(/^\uFEFF/, '').slice(node.range[0], node.range[1]);

describe('parseDockerfile', () => {
  test('instructions, flags, arguments and FROM parts carry exact offsets and 1-based positions', () => {
    const text = 'FROM --platform=$BUILDPLATFORM docker.io/library/golang:1.22@sha256:abc AS Build\nCOPY --from=build --chown=1:1 /src /dst\n';
    const root = parseDockerfile(text);
    const from = root.instructions[0] as FromNode;
    expect(from.type).toBe('FROM');
    expect(from.loc).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 81 } });
    expect(slice(text, from.flags[0]!)).toBe('--platform=$BUILDPLATFORM');
    expect(from.flags[0]!.value).toBe('$BUILDPLATFORM');
    expect(slice(text, from.image!)).toBe('docker.io/library/golang:1.22@sha256:abc');
    expect(slice(text, from.image!.registry!)).toBe('docker.io');
    expect(slice(text, from.image!.name!)).toBe('library/golang');
    expect(slice(text, from.image!.tag!)).toBe('1.22');
    expect(slice(text, from.image!.digest!)).toBe('sha256:abc');
    expect(slice(text, from.asKeyword!)).toBe('AS');
    expect(slice(text, from.stageName!)).toBe('Build');
    const copy = root.instructions[1]!;
    expect(copy.flags.map((f) => [f.name, f.value, slice(text, f), slice(text, f.valueToken!)])).toEqual([
      ['from', 'build', '--from=build', 'build'],
      ['chown', '1:1', '--chown=1:1', '1:1'],
    ]);
    expect(copy.args.map((a) => [a.value, a.loc.start.column])).toEqual([
      ['/src', 31],
      ['/dst', 36],
    ]);
  });

  test('continuations and comment lines inside them', () => {
    const text = 'RUN apt-get update \\\n# a comment\n    && apt-get install -y curl\n';
    const root = parseDockerfile(text);
    const run = root.instructions[0]!;
    expect(run.loc.end).toEqual({ line: 3, column: 31 });
    expect(run.innerComments.map((c) => [c.value, c.loc.start.line])).toEqual([[' a comment', 2]]);
    expect(root.comments).toEqual([]);
    expect(run.args.map((a) => a.value)).toEqual(['apt-get', 'update', '&&', 'apt-get', 'install', '-y', 'curl']);
    expect(slice(text, { range: run.bodyRange! })).toBe('apt-get update \\\n# a comment\n    && apt-get install -y curl');
  });

  test('the escape directive switches continuations to backtick', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir `\n  c:\\\n';
    const root = parseDockerfile(text);
    expect(root.escapeChar).toBe('`');
    expect(root.directives.map((d) => [d.name, d.value, slice(text, d.valueToken)])).toEqual([['escape', '`', '`']]);
    const run = root.instructions[1]!;
    expect(run.args.map((a) => a.value)).toEqual(['dir', 'c:\\']);
    expect(run.loc.end.line).toBe(4);
  });

  test('syntax and check directives are read', () => {
    const root = parseDockerfile('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended;error=true\nFROM alpine\n');
    expect(root.directives.map((d) => [d.name, d.value])).toEqual([
      ['syntax', 'docker/dockerfile:1'],
      ['check', 'skip=JSONArgsRecommended;error=true'],
    ]);
  });

  test('heredocs: names, bodies and ranges; COPY heredoc body is not an argument', () => {
    const text = "FROM alpine\nRUN <<EOF\napk add curl\nEOF\nCOPY <<-'CONF' /etc/app.conf\n\tport = 80\nCONF\n";
    const root = parseDockerfile(text);
    const run = root.instructions[1]!;
    expect(run.heredocs.map((h) => [h.name, h.content, h.stripTabs, h.quoted])).toEqual([['EOF', 'apk add curl', false, false]]);
    expect(slice(text, run.heredocs[0]!)).toBe('<<EOF\napk add curl\nEOF');
    const copy = root.instructions[2]!;
    expect(copy.heredocs.map((h) => [h.name, h.content, h.stripTabs, h.quoted])).toEqual([['CONF', '\tport = 80', true, true]]);
    expect(copy.args.map((a) => a.value)).toEqual(["<<-'CONF'", '/etc/app.conf']);
  });

  test('an empty heredoc: its delimiter line is not an argument', () => {
    for (const eol of ['\n', '\r\n']) {
      const root = parseDockerfile(`FROM scratch${eol}COPY <<EOF /done${eol}EOF${eol}RUN true${eol}`);
      const copy = root.instructions[1]!;
      expect(copy.args.map((a) => a.value)).toEqual(['<<EOF', '/done']);
      expect(copy.heredocs.map((h) => [h.name, h.content])).toEqual([['EOF', null]]);
      expect(root.instructions.map((i) => i.keyword)).toEqual(['FROM', 'COPY', 'RUN']);
    }
  });

  test('CRLF line endings and a BOM: offsets exclude the BOM, CRLF counts as one line break', () => {
    const text = '\uFEFFFROM alpine\r\nRUN echo hi\r\n';
    const root = parseDockerfile(text);
    expect(root.hadBom).toBe(true);
    expect(root.eol).toBe('\r\n');
    const run = root.instructions[1]!;
    expect(run.range).toEqual([13, 24]);
    expect(run.loc).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 12 } });
    expect(root.text.slice(...run.range)).toBe('RUN echo hi');
  });

  test('non-ASCII text keeps UTF-16 offsets', () => {
    const text = 'FROM alpine\nLABEL description="héllo wörld 🐳"\nRUN echo ok\n';
    const root = parseDockerfile(text);
    const run = root.instructions[2]!;
    expect(text.slice(...run.args[0]!.range)).toBe('echo');
    expect(run.args[0]!.loc.start).toEqual({ line: 3, column: 5 });
    const label = root.instructions[1]! as InstructionNode & { properties: Array<{ name: { value: string }; unescapedValue: string | null }> };
    expect(label.properties.map((p) => [p.name.value, p.unescapedValue])).toEqual([['description', 'héllo wörld 🐳']]);
  });

  test('ARG with several bare names declares each of them (ARG has no legacy "name value" form)', () => {
    const root = parseDockerfile('ARG TARGETOS TARGETARCH\nARG A B="x"\nARG C=1 D\n');
    const props = root.instructions.map((i) =>
      (i as InstructionNode & { properties: Array<{ name: { value: string; range: [number, number] }; unescapedValue: string | null; operator: string | null }> }).properties.map((p) => [
        p.name.value,
        p.unescapedValue,
        p.operator,
      ]),
    );
    expect(props).toEqual([
      [
        ['TARGETOS', null, null],
        ['TARGETARCH', null, null],
      ],
      [
        ['A', null, null],
        ['B', 'x', '='],
      ],
      [
        ['C', '1', '='],
        ['D', null, null],
      ],
    ]);
    const second = root.instructions[1] as InstructionNode & { properties: Array<{ name: { range: [number, number] } }> };
    expect(root.text.slice(...second.properties[1]!.name.range)).toBe('B');
  });

  test('exec form is recognised, invalid JSON falls back to shell form', () => {
    const root = parseDockerfile('CMD ["node", "server.js"]\nCMD [\'node\']\nENTRYPOINT ["a", 1]\n');
    expect(root.instructions.map((i) => i.execForm)).toEqual([['node', 'server.js'], null, null]);
  });

  test('unknown instructions are fatal errors, and parsing goes on', () => {
    const text = 'FROM alpine\nFORM x\nRUN echo hi\n';
    const root = parseDockerfile(text);
    expect(root.errors).toEqual([
      { message: 'Unknown instruction: FORM', fatal: true, range: [12, 16], loc: { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } } },
    ]);
    expect(root.instructions.map((i) => i.type)).toEqual(['FROM', 'Instruction', 'RUN']);
  });

  test('ONBUILD carries its trigger instruction', () => {
    const text = 'FROM alpine\nONBUILD RUN make\n';
    const root = parseDockerfile(text);
    const onbuild = root.instructions[1]!;
    expect(onbuild.type).toBe('ONBUILD');
    if (onbuild.type !== 'ONBUILD') throw new Error('not ONBUILD');
    expect(onbuild.trigger?.type).toBe('RUN');
    expect(slice(text, onbuild.trigger!)).toBe('RUN make');
    expect(onbuild.trigger?.onbuildParent).toBe(onbuild);
  });

  test('empty, whitespace-only and binary input never throw', () => {
    for (const text of ['', '   \n\n', '\u0000\u0001\u0002FROM', '\\', 'RUN', '# only a comment']) {
      expect(() => parseDockerfile(text)).not.toThrow();
    }
    expect(parseDockerfile('').loc).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
    expect(parseDockerfile('# only a comment\n').errors.map((e) => [e.message, e.fatal, e.loc.start])).toEqual([
      ['The Dockerfile has no instructions', true, { line: 1, column: 1 }],
    ]);
  });

  test('the root spans the whole text', () => {
    const text = 'FROM alpine\n# trailing comment\n\n';
    const root = parseDockerfile(text);
    expect(root.range).toEqual([0, text.length]);
    expect(root.loc.end).toEqual({ line: 4, column: 1 });
  });

  test('comment lines inside continuations belong to their instruction, the others to the file', () => {
    const text = '# top\nFROM a\nRUN one \\\n# inner 1\n  two\n# between\nRUN three \\\n  # inner 2\n  four\nCMD x\n# end\n';
    const root = parseDockerfile(text);
    expect(root.comments.map((c) => c.value)).toEqual([' top', ' between', ' end']);
    expect(root.instructions.map((i) => i.innerComments.map((c) => c.value))).toEqual([[], [' inner 1'], [' inner 2'], []]);
  });

  test('variables in a FROM image hide the `/`, `:` and `@` inside them', () => {
    const root = parseDockerfile('ARG REG=docker.io\nFROM ${REG}/library/node:${V:-20}@sha256:abc AS build\nRUN a b c\n');
    const { image, stageName } = root.instructions[1] as FromNode;
    expect([image?.registry?.text, image?.name?.text, image?.tag?.text, image?.digest?.text]).toEqual([undefined, '${REG}/library/node', '${V:-20}', 'sha256:abc']);
    expect(stageName?.text).toBe('build');
  });
});

describe('parseDockerfile on pathological input', () => {
  /** CPU milliseconds of parsing `text` `times` times in a row. */
  function cpu(text: string, times: number): number {
    const start = process.cpuUsage();
    for (let i = 0; i < times; i++) parseDockerfile(text);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  }

  /**
   * How much more a character of `shape(large)` costs to parse than one of `shape(small)`: the
   * CPU time of one parse of the large text over that of `large / small` parses of the small one
   * (the same amount of text and of allocation, so both sizes pay for the garbage collector, as
   * one small parse alone often does not). Linear time gives about 1, quadratic time about
   * `large / small`. Both sizes are timed in interleaved rounds after a warm-up parse, and the best
   * round of each counts: load on the machine only ever makes a round slower. Three rounds under
   * `limit` settle it; at or over it, rounds go on in case load was the cause, for `budget`
   * milliseconds (a quadratic parse of the large text takes longer than that on its own).
   */
  function perCharacterGrowth(shape: (n: number) => string, small: number, large: number, limit: number, budget = 3000): number {
    const smallText = shape(small);
    const largeText = shape(large);
    const times = Math.round(large / small);
    cpu(smallText, 2);
    const start = performance.now();
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let round = 1; ; round++) {
      bestSmall = Math.min(bestSmall, cpu(smallText, times));
      bestLarge = Math.min(bestLarge, cpu(largeText, 1));
      const growth = bestLarge / Math.max(bestSmall, 0.1);
      if ((round >= 3 && growth < limit) || performance.now() - start > budget) return growth;
    }
  }

  const shapes: Array<[string, (n: number) => string]> = [
    ['variables with `:` in a FROM image', (n) => `FROM ${'${a:b}'.repeat(n)}\n`],
    ['escape characters in a heredoc opener', (n) => `RUN <<${'\\'.repeat(n)}x \\\n y\n`],
    ['`#` after an escaped line break in a property value', (n) => `ENV a=b\\\n${'# '.repeat(n)}\n`],
    ['`#` after an escape in a heredoc body', (n) => `RUN <<EOF x \\\n\\ ${'#'.repeat(n)}\nEOF\n`],
    ['heredoc body lines under a long opener', (n) => `RUN <<${'x'.repeat(n)}\n${'line\n'.repeat(n)}`],
    ['quotes in a property', (n) => `ENV ${'a="b"c'.repeat(n)}\n`],
    ['escaped blanks between words', (n) => `RUN ${'a\\  '.repeat(n)}\n`],
  ];
  /** Shapes whose tree is one node however long the input: what they keep must not grow with it. */
  const oneNodeShapes = shapes.filter(([name]) => ['variables with `:` in a FROM image', 'heredoc body lines under a long opener', 'quotes in a property'].includes(name));

  // 20x the size: linear is about 1x the cost per character (up to 4x seen for the shapes that
  // allocate most, as the large tree outgrows the young generation), quadratic about 20x.
  test.each(shapes)('%s: time grows linearly (1k to 20k)', (_, shape) => {
    expect(parseDockerfile(shape(20_000)).instructions.length).toBeGreaterThan(0);
    expect(perCharacterGrowth(shape, 1_000, 20_000, 6)).toBeLessThan(6);
  });

  // Larger: a quadratic step that is cheap next to the linear work at 20k is not here.
  test.each(oneNodeShapes)('%s: time grows linearly (5k to 100k)', (_, shape) => {
    expect(perCharacterGrowth(shape, 5_000, 100_000, 6)).toBeLessThan(6);
  });

  // A string built a character at a time is a rope in V8, ~32 bytes for each character, kept as
  // long as the tree is (and collected, over and over, while parsing). Measured as the heap the
  // trees keep after full collections (`--expose-gc` set at run time: only a context made
  // afterwards has `gc`). Each text is parsed once first: V8 flattens a concatenated string the
  // first time it is read, and that copy is the text's, not the tree's.
  test('the tree of a long one-node input keeps no memory per character of it', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const texts = oneNodeShapes.map(([name, shape]) => [name, shape(100_000)] as const);
    for (const [, text] of texts) parseDockerfile(text);
    const trees: unknown[] = [];
    const perCharacter: Record<string, number> = {};
    gc();
    let before = getHeapStatistics().used_heap_size;
    for (const [name, text] of texts) {
      const root = parseDockerfile(text);
      trees.push(root);
      expect(root.instructions).toHaveLength(1);
      gc();
      const after = getHeapStatistics().used_heap_size;
      perCharacter[name] = Math.round(((after - before) / text.length) * 10) / 10;
      before = after;
    }
    expect(trees).toHaveLength(texts.length);
    expect(Object.entries(perCharacter).filter(([, bytes]) => bytes >= 2)).toEqual([]);
  });
});
