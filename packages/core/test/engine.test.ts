import { describe, expect, test } from '@jest/globals';
import {
  ConfigError,
  defineRule,
  fixWithRules,
  lintWithRules,
  resolveConfig,
  validateConfig,
  type RuleDefinition,
} from '../src/index.js';

/** Reports every RUN keyword; safe fix upper-cases it. */
const runCase = defineRule({
  id: 'run-case',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: true,
    fixable: 'always',
    fixSafety: 'safe',
    sources: ['DL9001', 'RunCasing'],
    description: 'test',
    messages: { lower: 'lower-case {{kw}}' },
    schema: [],
  },
  create: (ctx) => ({
    RUN(node) {
      if (node.keywordToken.text !== 'RUN') {
        ctx.report({ node: node.keywordToken, messageId: 'lower', data: { kw: node.keywordToken.text }, fix: { edits: [{ range: node.keywordToken.range, text: 'RUN' }] } });
      }
    },
  }),
});

/** Option-driven rule with an unsafe fix: bans an image name given in the options. */
const bannedImage = defineRule<[{ images: string[] }]>({
  id: 'banned-image',
  meta: {
    category: 'security',
    severity: 'error',
    recommended: false,
    fixable: 'always',
    fixSafety: 'unsafe',
    description: 'test',
    messages: { banned: 'image {{name}} is banned' },
    schema: [{ type: 'object', additionalProperties: false, properties: { images: { type: 'array', items: { type: 'string' } } } }],
    defaultOptions: [{ images: ['ubuntu'] }],
  },
  create: (ctx) => ({
    FROM(node) {
      const name = node.image?.name;
      if (name && ctx.options[0].images.includes(name.value)) {
        ctx.report({ node: name, messageId: 'banned', data: { name: name.value }, fix: { edits: [{ range: name.range, text: 'debian' }] } });
      }
    },
  }),
});

const rules = [runCase, bannedImage] as RuleDefinition[];
const ids = (text: string, config = {}): Array<[string | null, number, number]> =>
  lintWithRules(text, rules, { config }).result.messages.map((m) => [m.ruleId, m.line, m.severity]);

describe('severities, presets and options', () => {
  test('recommended rules are on by default with their severity', () => {
    expect(ids('FROM ubuntu\nrun true\n')).toEqual([['run-case', 2, 1]]);
  });

  test('extends all, severity overrides, numeric severities and off', () => {
    expect(ids('FROM ubuntu\nrun true\n', { extends: 'all' })).toEqual([
      ['banned-image', 1, 2],
      ['run-case', 2, 1],
    ]);
    expect(ids('FROM ubuntu\nrun true\n', { rules: { 'run-case': 2, 'banned-image': 'warn' } })).toEqual([
      ['banned-image', 1, 1],
      ['run-case', 2, 2],
    ]);
    expect(ids('FROM ubuntu\nrun true\n', { rules: { 'run-case': 'off' } })).toEqual([]);
  });

  test('options replace the defaults', () => {
    expect(ids('FROM alpine\n', { rules: { 'banned-image': ['error', { images: ['alpine'] }] } })).toEqual([['banned-image', 1, 2]]);
    expect(ids('FROM ubuntu\n', { rules: { 'banned-image': ['error', { images: ['alpine'] }] } })).toEqual([]);
  });

  test('overrides apply by glob to the file path', () => {
    const config = { overrides: [{ files: ['**/*.dev.Dockerfile', 'Dockerfile-*'], rules: { 'run-case': 'off' as const } }] };
    const lint = (filePath: string): number => lintWithRules('FROM a\nrun x\n', rules, { config, filePath }).result.messages.length;
    expect(lint('app/api.dev.Dockerfile')).toBe(0);
    expect(lint('Dockerfile-test')).toBe(0);
    expect(lint('sub/Dockerfile-test')).toBe(0);
    expect(lint('Dockerfile')).toBe(1);
    expect(resolveConfig(config, rules, 'x/Dockerfile-ci').rules.has('run-case')).toBe(false);
  });
});

describe('config validation', () => {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const error = (config: unknown): string => {
    try {
      validateConfig(config, byId);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    return 'valid';
  };

  test('names the key at fault', () => {
    expect(error({ rules: { 'run-case': 'warn' } })).toBe('valid');
    expect(error({ rulez: {} })).toBe('rulez: is not an allowed property');
    expect(error({ rules: { 'no-such-rule': 'warn' } })).toBe('rules.no-such-rule: unknown rule "no-such-rule"');
    expect(error({ rules: { 'run-case': 'loud' } })).toBe('rules.run-case: must be one of "off", "warn", "error", got "loud"');
    expect(error({ rules: { 'banned-image': ['error', { images: 'x' }] } })).toBe('rules.banned-image[1].images: must be array, got string');
    expect(error({ rules: { 'banned-image': ['error', { imgs: [] }] } })).toBe('rules.banned-image[1].imgs: is not an allowed property');
    expect(error({ overrides: [{ rules: {} }] })).toBe('overrides[0]: must have property "files"');
    expect(error({ extends: 'everything' })).toBe('extends: must be one of "recommended", "all", "none", got "everything"');
  });
});

describe('inline ignores', () => {
  test('our own comment ignores the next instruction only', () => {
    const text = 'FROM a\n# dockerfile-opt ignore=run-case -- legacy script\nrun one\nrun two\n';
    expect(ids(text)).toEqual([['run-case', 4, 1]]);
  });

  test('global ignore, hadolint codes and BuildKit check=skip map through sources', () => {
    expect(ids('FROM a\n# dockerfile-opt global ignore=run-case\nrun one\nrun two\n')).toEqual([]);
    expect(ids('FROM a\n# hadolint ignore=DL9001\nrun one\nrun two\n')).toEqual([['run-case', 4, 1]]);
    expect(ids('# hadolint global ignore=DL9001\nFROM a\nrun one\n')).toEqual([]);
    expect(ids('# check=skip=RunCasing\nFROM a\nrun one\n')).toEqual([]);
    expect(ids('# check=skip=all\nFROM a\nrun one\n')).toEqual([]);
    expect(ids('# check=skip=Other\nFROM a\nrun one\n')).toEqual([['run-case', 3, 1]]);
  });

  test('a finding that names its own sources is ignored only by those codes (and the rule id)', () => {
    const perKeyword = defineRule({
      id: 'once',
      meta: { category: 'correctness', severity: 'warn', recommended: true, fixable: 'none', sources: ['DL9003', 'DL9004', 'Once'], description: 'test', messages: { m: '{{kw}}' }, schema: [] },
      create: (ctx) => ({
        CMD: (node) => ctx.report({ node: node.keywordToken, messageId: 'm', data: { kw: 'CMD' }, sources: ['DL9003', 'Once'] }),
        ENTRYPOINT: (node) => ctx.report({ node: node.keywordToken, messageId: 'm', data: { kw: 'ENTRYPOINT' }, sources: ['DL9004', 'Once'] }),
      }),
    });
    const reported = (text: string): string[] =>
      lintWithRules(text, [perKeyword], { config: { extends: 'none', rules: { once: 'warn' } } }).result.messages.map((m) => m.message);
    const body = 'FROM a\nCMD x\nENTRYPOINT y\n';
    expect(reported(`# hadolint global ignore=DL9003\n${body}`)).toEqual(['ENTRYPOINT']);
    expect(reported(`# hadolint global ignore=DL9004\n${body}`)).toEqual(['CMD']);
    expect(reported(`# check=skip=Once\n${body}`)).toEqual([]);
    expect(reported(`# dockerfile-opt global ignore=once\n${body}`)).toEqual([]);
  });

  test('an ignore inside a continuation covers its instruction', () => {
    expect(ids('FROM a\n# dockerfile-opt ignore=run-case\nrun echo \\\n  two\n')).toEqual([]);
  });
});

describe('results', () => {
  test('ESLint-shaped messages with fixes and suggestions, and counts', () => {
    const { result } = lintWithRules('FROM ubuntu\nrun true\n', rules, { config: { extends: 'all' }, filePath: 'Dockerfile' });
    expect(result).toMatchObject({ filePath: 'Dockerfile', errorCount: 1, warningCount: 1, fixableErrorCount: 0, fixableWarningCount: 1, unsafeFixableCount: 1 });
    const [banned, run] = result.messages;
    expect(banned).toMatchObject({ ruleId: 'banned-image', line: 1, column: 6, endLine: 1, endColumn: 12, suggestions: [{ desc: 'Apply this change', fix: { range: [5, 11], text: 'debian' } }] });
    expect(banned!.fix).toBeUndefined();
    expect(run).toMatchObject({ ruleId: 'run-case', message: 'lower-case run', fix: { range: [12, 15], text: 'RUN' } });
  });

  test('parse errors are fatal messages and the rules still run', () => {
    const { result } = lintWithRules('FROM a\nFORM b\nrun x\n', rules);
    expect(result.messages.map((m) => [m.ruleId, m.fatal ?? false, m.line, m.message])).toEqual([
      [null, true, 2, 'Parsing error: Unknown instruction: FORM'],
      ['run-case', false, 3, 'lower-case run'],
    ]);
    expect(result.fatalErrorCount).toBe(1);
  });

  test('a rule that throws becomes a finding, not a crash', () => {
    const broken = defineRule({
      id: 'broken',
      meta: { category: 'style', severity: 'warn', recommended: true, fixable: 'none', description: 'x', messages: {} },
      create: () => ({ FROM() { throw new Error('boom'); } }),
    });
    const { result } = lintWithRules('FROM a\n', [broken]);
    expect(result.messages.map((m) => [m.ruleId, m.message, m.fatal])).toEqual([['broken', 'Rule "broken" failed: boom', true]]);
  });

  test('visitors run in document order, each rule in its order: *, keyword, flags, arguments, heredocs', () => {
    const visits: string[] = [];
    const meta = { category: 'style', severity: 'warn', recommended: true, fixable: 'none', description: 'x', messages: {} } as const;
    const everything = defineRule({
      id: 'everything',
      meta,
      create: () => ({
        Dockerfile: () => visits.push('a:Dockerfile'),
        Comment: (c) => visits.push(`a:Comment${c.value}`),
        ParserDirective: (d) => visits.push(`a:Directive ${d.name}`),
        '*': (i) => visits.push(`a:* ${i.keyword}`),
        RUN: () => visits.push('a:RUN'),
        Flag: (f) => visits.push(`a:Flag ${f.name}`),
        Argument: (arg, parent) => visits.push(`a:Argument ${arg.value} of ${parent.keyword}`),
        Heredoc: (h) => visits.push(`a:Heredoc ${h.name}`),
        'Dockerfile:exit': () => visits.push('a:exit'),
      }),
    });
    const runsOnly = defineRule({ id: 'runs-only', meta, create: () => ({ RUN: () => visits.push('b:RUN'), 'Dockerfile:exit': () => visits.push('b:exit') }) });
    const config = { rules: { everything: 'warn', 'runs-only': 'warn' } } as const;
    lintWithRules('# syntax=x\nFROM a\n# note\nRUN --network=none <<EOF\ntrue\nEOF\n', [everything, runsOnly], { config });
    expect(visits).toEqual([
      'a:Dockerfile',
      'a:Directive syntax',
      'a:* FROM',
      'a:Argument a of FROM',
      'a:Comment note',
      'a:* RUN',
      'a:RUN',
      'a:Flag network',
      'a:Argument <<EOF of RUN',
      'a:Heredoc EOF',
      'b:RUN',
      'a:exit',
      'b:exit',
    ]);
  });

  test('visitors may be methods of a class instance; a visitor left undefined is not called', () => {
    const visits: string[] = [];
    const meta = { category: 'style', severity: 'warn', recommended: true, fixable: 'none', description: 'x', messages: {} } as const;
    class Base {
      FROM(): void {
        visits.push('base:FROM');
      }
    }
    class Visitors extends Base {
      RUN(): void {
        visits.push('class:RUN');
      }
    }
    const classy = defineRule({ id: 'classy', meta, create: () => new Visitors() });
    const partly = defineRule({ id: 'partly', meta, create: () => ({ RUN: undefined, '*': undefined, Flag: undefined, COPY: () => visits.push('partly:COPY') }) });
    const config = { rules: { classy: 'warn', partly: 'warn' } } as const;
    const { result } = lintWithRules('FROM a\nRUN --network=none true\nCOPY x y\n', [classy, partly], { config });
    expect(result.messages).toEqual([]);
    expect(visits).toEqual(['base:FROM', 'class:RUN', 'partly:COPY']);
  });
});

describe('suggestions', () => {
  test('a suggestion is applied only with unsafe fixes, even in a rule whose fixes are safe', () => {
    const suggesting = defineRule({
      id: 'suggesting',
      meta: { category: 'style', severity: 'warn', recommended: true, fixable: 'sometimes', fixSafety: 'safe', description: 'x', messages: { m: 'm' } },
      create: (ctx) => ({ RUN(node) { if (node.args[0]?.value === 'a') ctx.report({ node, messageId: 'm', suggest: [{ edits: [{ range: node.args[0].range, text: 'b' }] }] }); } }),
    });
    const [message] = lintWithRules('FROM x\nRUN a\n', [suggesting]).result.messages;
    expect(message).toMatchObject({ fixDetails: { safety: 'unsafe' }, suggestions: [{ fix: { range: [11, 12], text: 'b' } }] });
    expect(message!.fix).toBeUndefined();
    expect(fixWithRules('FROM x\nRUN a\n', [suggesting]).output).toBe('FROM x\nRUN a\n');
    expect(fixWithRules('FROM x\nRUN a\n', [suggesting], { unsafe: true }).output).toBe('FROM x\nRUN b\n');
  });
});

describe('fix loop', () => {
  test('safe fixes only by default; unsafe with the flag; CRLF and BOM preserved', () => {
    const text = '\uFEFFFROM ubuntu\r\nrun a\r\nrun b\r\n';
    const config = { extends: 'all' as const };
    expect(fixWithRules(text, rules, { config }).output).toBe('\uFEFFFROM ubuntu\r\nRUN a\r\nRUN b\r\n');
    const both = fixWithRules(text, rules, { config, unsafe: true });
    expect(both.output).toBe('\uFEFFFROM debian\r\nRUN a\r\nRUN b\r\n');
    expect(both.result.messages).toEqual([]);
    expect(fixWithRules(both.output, rules, { config, unsafe: true }).changed).toBe(false);
  });

  test('overlapping fixes are applied over several passes until stable', () => {
    const wrap = defineRule({
      id: 'wrap',
      meta: { category: 'style', severity: 'warn', recommended: true, fixable: 'always', description: 'x', messages: { m: 'm' } },
      create: (ctx) => ({
        RUN(node) {
          const arg = node.args[0];
          // Each pass adds one layer of brackets until there are three.
          if (arg && !arg.value.startsWith('[[[')) ctx.report({ node: arg, messageId: 'm', fix: { edits: [{ range: arg.range, text: `[${arg.text}]` }] } });
        },
      }),
    });
    const run = fixWithRules('FROM a\nRUN x\n', [wrap, runCase] as RuleDefinition[]);
    expect(run.output).toBe('FROM a\nRUN [[[x]]]\n');
    expect(run.passes).toBe(3);
  });

  test('a fix that never converges stops after maxPasses', () => {
    const grow = defineRule({
      id: 'grow',
      meta: { category: 'style', severity: 'warn', recommended: true, fixable: 'always', description: 'x', messages: { m: 'm' } },
      create: (ctx) => ({ RUN(node) { ctx.report({ node, messageId: 'm', fix: { edits: [{ range: [node.range[1], node.range[1]], text: 'x' }] } }); } }),
    });
    const run = fixWithRules('FROM a\nRUN y\n', [grow], { maxPasses: 4 });
    expect(run.output).toBe('FROM a\nRUN yxxxx\n');
    expect(run.passes).toBe(4);
  });

  test('a pass that would make the file unparsable is discarded', () => {
    const breaker = defineRule({
      id: 'breaker',
      meta: { category: 'style', severity: 'warn', recommended: true, fixable: 'always', description: 'x', messages: { m: 'm' } },
      create: (ctx) => ({ RUN(node) { ctx.report({ node, messageId: 'm', fix: { edits: [{ range: node.keywordToken.range, text: 'RUUN' }] } }); } }),
    });
    const run = fixWithRules('FROM a\nRUN y\n', [breaker]);
    expect(run.output).toBe('FROM a\nRUN y\n');
    expect(run.changed).toBe(false);
  });

  test('a late whole-file rewrite waits until the small fixes are done', () => {
    const rewrite = defineRule({
      id: 'rewrite',
      meta: { category: 'style', severity: 'warn', recommended: true, fixable: 'always', fixSafety: 'unsafe', description: 'x', messages: { m: 'm' } },
      create: (ctx) => ({
        'Dockerfile:exit'(root) {
          if (!root.text.startsWith('# rewritten')) {
            ctx.report({ range: [0, 4], messageId: 'm', fix: { late: true, edits: [{ range: [0, root.text.length], text: `# rewritten\n${root.text}` }] } });
          }
        },
      }),
    });
    const run = fixWithRules('FROM a\nrun y\n', [rewrite, runCase] as RuleDefinition[], { unsafe: true });
    expect(run.output).toBe('# rewritten\nFROM a\nRUN y\n');
    expect(run.passes).toBe(2);
  });
});
