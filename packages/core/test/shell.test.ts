import { describe, expect, test } from '@jest/globals';
import { DockerfileModel, expandVariables, parseDockerfile, parseShell, type InstructionNode, type ShellScript } from '../src/index.js';

const scripts = (text: string, nth = 0) => {
  const root = parseDockerfile(text);
  const model = new DockerfileModel(root);
  const run = root.instructions.filter((i) => i.type === 'RUN')[nth] as InstructionNode;
  return { text: root.text, scripts: model.shell(run) };
};

describe('shell parsing of RUN', () => {
  test('commands, words and offsets map back into the Dockerfile', () => {
    const { text, scripts: [script] } = scripts('FROM a\nRUN --mount=type=cache,target=/root/.cache pip install "flask==3.0" $EXTRA && echo \'done\'\n');
    expect(script!.hasError).toBe(false);
    expect(script!.commands.map((c) => [c.name?.value, c.args.map((a) => [a.value, a.isStatic, text.slice(...a.range)])])).toEqual([
      ['pip', [['install', true, 'install'], ['flask==3.0', true, '"flask==3.0"'], ['$EXTRA', false, '$EXTRA']]],
      ['echo', [['done', true, "'done'"]]],
    ]);
  });

  test('comment lines inside continuations keep offsets and do not break the parse', () => {
    const source = 'FROM a\nRUN set -eux; \\\n    # install\n    apk add --no-cache git; \\\n    # done\n    true\n';
    const { text, scripts: [script] } = scripts(source);
    expect(script!.hasError).toBe(false);
    const apk = script!.commands.find((c) => c.name?.value === 'apk')!;
    expect(text.slice(...apk.range)).toBe('apk add --no-cache git');
    expect(script!.commands.map((c) => c.name?.value)).toEqual(['set', 'apk', 'true']);
  });

  test('backtick escape continuations', () => {
    const { text, scripts: [script] } = scripts('# escape=`\nFROM a\nRUN echo one `\n && echo two\n');
    expect(script!.hasError).toBe(false);
    expect(script!.commands.map((c) => text.slice(...c.range))).toEqual(['echo one', 'echo two']);
  });

  test('pipelines, subshells, substitutions, assignments and redirects', () => {
    const { text, scripts: [script] } = scripts('FROM a\nRUN curl -fsSL https://x | sh && (cd /tmp && make) && V=$(cat /v) && DEBIAN_FRONTEND=noninteractive apt-get install -y x 2>/dev/null\n');
    const cmds = script!.commands;
    expect(cmds.map((c) => [c.name?.value ?? null, c.pipeline, c.inSubshell, c.inSubstitution])).toEqual([
      ['curl', 0, false, false],
      ['sh', 0, false, false],
      ['cd', null, true, false],
      ['make', null, true, false],
      [null, null, false, false],
      ['cat', null, true, true],
      ['apt-get', null, false, false],
    ]);
    expect(script!.pipelines).toEqual([[0, 1]]);
    expect(cmds[4]!.assignments.map((a) => a.name)).toEqual(['V']);
    expect(cmds[6]!.assignments.map((a) => [a.name, a.value?.value])).toEqual([['DEBIAN_FRONTEND', 'noninteractive']]);
    expect(cmds[6]!.redirects.map((r) => [r.descriptor, r.operator, r.target && text.slice(...r.target.range)])).toEqual([['2', '>', '/dev/null']]);
  });

  test('heredoc scripts: each body is a script with Dockerfile offsets', () => {
    const { text, scripts: s } = scripts('FROM a\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF\n');
    expect(s).toHaveLength(1);
    expect(s[0]!.commands.map((c) => text.slice(...c.range))).toEqual(['set -e', 'apt-get install -y curl']);
  });

  test('a python heredoc is not parsed as shell; exec form has no script', () => {
    expect(scripts('FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n').scripts).toEqual([]);
    expect(scripts('FROM a\nRUN ["apt-get", "install", "x"]\n').scripts).toEqual([]);
  });

  test('results are cached per instruction', () => {
    const root = parseDockerfile('FROM a\nRUN echo\n');
    const model = new DockerfileModel(root);
    const run = root.instructions[1]!;
    expect(model.shell(run)).toBe(model.shell(run));
  });
});

describe('expandVariables', () => {
  const vars = new Map<string, string | undefined>([['A', 'x'], ['EMPTY', ''], ['UNKNOWN', undefined]]);
  const lookup = (n: string) => (vars.has(n) ? vars.get(n) : null);
  test.each([
    ['$A/${A}', 'x/x'],
    ['${EMPTY:-d}|${EMPTY-d}', 'd|'],
    ['${A:+set}|${NOPE:+set}', 'set|'],
    ['\\$A', '$A'],
    ['${A', '${A'],
    ['$', '$'],
  ])('%s', (input, expected) => {
    expect(expandVariables(input, lookup, { undeclaredIsEmpty: true }).value).toBe(expected);
  });
  test('unknown values make the expansion unknown; undeclared names are listed', () => {
    expect(expandVariables('$UNKNOWN', lookup)).toEqual({ value: null, undeclared: [], referenced: ['UNKNOWN'] });
    expect(expandVariables('${NOPE:-x}', lookup)).toEqual({ value: null, undeclared: ['NOPE'], referenced: ['NOPE'] });
    expect(expandVariables('${NOPE:-x}', lookup, { undeclaredIsEmpty: true }).value).toBe('x');
  });
});

describe('parseShell cache of recent scripts', () => {
  const body = 'apt-get update && apt-get install -y curl > /dev/null 2>&1 | tee log; X=1 make "$TARGET"';
  const shifted = (script: ShellScript, by: number): ShellScript => JSON.parse(JSON.stringify(script), (key, value: unknown) =>
    key === 'range' && Array.isArray(value) ? value.map((n: number) => n + by) : key === 'offset' ? (value as number) + by : value,
  ) as ShellScript;

  test('the same text at another offset gives the same script with its ranges moved', () => {
    const first = parseShell(body, 10);
    const again = parseShell(body, 250);
    expect(again).toEqual(shifted(first, 240));
    expect(again.commands.map((c) => body.slice(c.range[0] - 250, c.range[1] - 250))).toEqual([
      'apt-get update',
      'apt-get install -y curl',
      'tee log',
      'X=1 make "$TARGET"',
    ]);
  });

  test('results share no objects: changing one leaves the next parse alone', () => {
    const first = parseShell(body, 0);
    const expected = JSON.parse(JSON.stringify(first)) as ShellScript;
    first.commands[0]!.args.push(first.commands[0]!.args[0]!);
    first.commands[1]!.redirects[0]!.target!.range[0] = -1;
    first.pipelines[0]!.push(99);
    expect(parseShell(body, 0)).toEqual(expected);
  });
});
