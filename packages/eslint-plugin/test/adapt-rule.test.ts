import { join, resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { defineRule, lintWithRules, type InstructionNode, type RuleDefinition, type RuleMeta } from '@dockerfile-opt/core';
import { Linter } from 'eslint';
import plugin, { toEslintRule } from '../src/index.js';

const appDir = resolve(import.meta.dirname, '../../../fixtures/eslint/app');

/** Lint `text` with one synthetic core rule, adapted, under the id `probe/<id>`. */
function verify(rule: RuleDefinition, text: string, extra: { settings?: Record<string, unknown>; filename?: string } = {}): Linter.LintMessage[] {
  const config: Linter.Config = {
    files: ['**/Dockerfile'],
    plugins: { 'dockerfile-opt': plugin, probe: { meta: { namespace: 'probe' }, rules: { [rule.id]: toEslintRule(rule) } } },
    language: 'dockerfile-opt/dockerfile',
    rules: { [`probe/${rule.id}`]: 'warn' },
    settings: extra.settings ?? {},
  };
  return new Linter({ cwd: appDir }).verify(text, [config], { filename: extra.filename ?? join(appDir, 'Dockerfile') });
}

const meta: RuleMeta = {
  category: 'correctness',
  severity: 'warn',
  recommended: false,
  fixable: 'none',
  description: 'A probe.',
  messages: { seen: '{{what}}' },
  schema: [],
};

/** A rule that records every visit, in order. */
function recorder(log: string[]): RuleDefinition {
  const name = (node: InstructionNode): string => `${node.type}@${node.loc.start.line}`;
  return defineRule({
    id: 'recorder',
    meta: { ...meta },
    create: () => ({
      Dockerfile: () => log.push('Dockerfile'),
      'Dockerfile:exit': () => log.push('Dockerfile:exit'),
      '*': (node) => log.push(`*:${name(node)}`),
      FROM: (node) => log.push(`FROM:${node.image?.text ?? ''}`),
      RUN: (node) => log.push(`RUN:${name(node)}`),
      Comment: (node) => log.push(`Comment:${node.value.trim()}`),
      ParserDirective: (node) => log.push(`ParserDirective:${node.name}`),
      Flag: (node, parent) => log.push(`Flag:${node.name}<${name(parent)}`),
      Argument: (node, parent) => log.push(`Argument:${node.value}<${name(parent)}`),
      Heredoc: (node, parent) => log.push(`Heredoc:${node.name}<${name(parent)}`),
    }),
  });
}

describe('toEslintRule', () => {
  test('visits the same nodes, with the same parents and in the same order, as the core engine', () => {
    const text =
      '# syntax=docker/dockerfile:1\n# build stage\nFROM --platform=$BUILDPLATFORM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache go build \\\n  # a comment inside\n  ./...\nCOPY <<EOF /etc/motd\nhello\nEOF\nONBUILD RUN make\n';
    const eslintLog: string[] = [];
    const coreLog: string[] = [];
    expect(verify(recorder(eslintLog), text)).toEqual([]);
    lintWithRules(text, [recorder(coreLog)], { config: { extends: 'none', rules: { recorder: 'warn' } } });
    expect(eslintLog).toEqual(coreLog);
    expect(eslintLog).toEqual([
      'Dockerfile',
      'ParserDirective:syntax',
      'Comment:build stage',
      '*:FROM@3',
      'FROM:golang:1.22',
      'Flag:platform<FROM@3',
      'Argument:golang:1.22<FROM@3',
      'Argument:AS<FROM@3',
      'Argument:build<FROM@3',
      '*:RUN@4',
      'RUN:RUN@4',
      'Flag:mount<RUN@4',
      'Argument:go<RUN@4',
      'Argument:build<RUN@4',
      'Argument:./...<RUN@4',
      '*:COPY@7',
      'Argument:<<EOF<COPY@7',
      'Argument:/etc/motd<COPY@7',
      'Heredoc:EOF<COPY@7',
      '*:ONBUILD@10',
      'Argument:RUN<ONBUILD@10',
      'Argument:make<ONBUILD@10',
      'Dockerfile:exit',
    ]);
  });

  test('passes settings from `settings["dockerfile-opt"]`, the file path and a reader of the build context', () => {
    const reporter = defineRule({
      id: 'context',
      meta: { ...meta },
      create: (ctx) => ({
        Dockerfile: (node) =>
          ctx.report({
            node,
            messageId: 'seen',
            data: {
              what: JSON.stringify([
                ctx.settings,
                ctx.filePath,
                ctx.eol,
                ctx.readContextFile?.('.dockerignore') ?? null,
                ctx.readContextFile?.('missing') ?? null,
                // The reader stays inside the Dockerfile's folder.
                ctx.readContextFile?.('../multistage/Dockerfile') ?? null,
                ctx.readContextFile?.(join(appDir, 'Dockerfile')) ?? null,
                ctx.readContextFile?.('.') ?? null,
              ]),
            },
          }),
      }),
    });
    const [onDisk] = verify(reporter, 'FROM scratch\r\n', { settings: { 'dockerfile-opt': { registry: 'example.com' }, other: { x: 1 } } });
    expect(JSON.parse(onDisk?.message ?? '')).toEqual([{ registry: 'example.com' }, join(appDir, 'Dockerfile'), '\r\n', 'node_modules\n*.log\n', null, null, null, null]);
    const [virtual] = verify(reporter, 'FROM scratch\n', { filename: join(appDir, 'sub/Dockerfile') });
    expect(JSON.parse(virtual?.message ?? '')).toEqual([{}, join(appDir, 'sub/Dockerfile'), '\n', null, null, null, null, null]);
  });

  test('safe fixes become one ESLint fix; unsafe fixes and alternatives become suggestions', () => {
    const fixer = defineRule({
      id: 'fixer',
      meta: { ...meta, fixable: 'always', fixSafety: 'unsafe' },
      create: (ctx) => ({
        FROM: (node) => {
          const image = node.image as NonNullable<typeof node.image>;
          // Two edits, safe by override: merged into one replacement that keeps the text between them.
          ctx.report({
            node: node.keywordToken,
            messageId: 'seen',
            data: { what: 'safe' },
            fix: {
              safety: 'safe',
              edits: [
                { range: [image.range[0], image.range[0]], text: 'docker.io/library/' },
                { range: [image.range[1], image.range[1]], text: ':12' },
              ],
            },
          });
          // The rule's default safety (unsafe) makes the fix a suggestion, followed by the alternatives.
          ctx.report({
            node: image,
            messageId: 'seen',
            data: { what: 'unsafe' },
            fix: { description: 'Pin a digest', edits: [{ range: image.range, text: 'debian@sha256:0' }] },
            suggest: [{ edits: [{ range: image.range, text: 'ubuntu' }] }],
          });
        },
      }),
    });
    const messages = verify(fixer, 'FROM debian\n');
    expect(messages.map((m) => [m.message, m.line, m.column, m.endLine, m.endColumn, m.fix, m.suggestions])).toEqual([
      ['safe', 1, 1, 1, 5, { range: [5, 11], text: 'docker.io/library/debian:12' }, undefined],
      [
        'unsafe',
        1,
        6,
        1,
        12,
        undefined,
        [
          { desc: 'Pin a digest', fix: { range: [5, 11], text: 'debian@sha256:0' } },
          { desc: 'Apply this change', fix: { range: [5, 11], text: 'ubuntu' } },
        ],
      ],
    ]);
  });

  test('core ignore comments cover the rule by id, by source code and file-wide', () => {
    const sourced = defineRule({
      id: 'every-run',
      meta: { ...meta, sources: ['DL9999'] },
      create: (ctx) => ({ RUN: (node) => ctx.report({ node: node.keywordToken, messageId: 'seen', data: { what: 'run' } }) }),
    });
    const lines = (text: string): number[] => verify(sourced, text).map((m) => m.line);
    const runs = 'RUN a\nRUN b\n';
    expect(lines(`FROM x\n${runs}`)).toEqual([2, 3]);
    expect(lines(`FROM x\n# dockerfile-opt ignore=every-run -- a reason\n${runs}`)).toEqual([4]);
    expect(lines(`FROM x\n# hadolint ignore=DL9999\n${runs}`)).toEqual([4]);
    expect(lines(`# hadolint global ignore=DL9999\nFROM x\n${runs}`)).toEqual([]);
  });

  test('a finding that names its own sources is ignored by those codes only', () => {
    const twoCodes = defineRule({
      id: 'two-codes',
      meta: { ...meta, sources: ['DL9998', 'DL9999'] },
      create: (ctx) => ({
        RUN: (node) => ctx.report({ node: node.keywordToken, messageId: 'seen', data: { what: 'run' }, sources: [node.argsText === 'a' ? 'DL9998' : 'DL9999'] }),
      }),
    });
    const lines = (text: string): number[] => verify(twoCodes, text).map((m) => m.line);
    expect(lines('# hadolint global ignore=DL9998\nFROM x\nRUN a\nRUN b\n')).toEqual([4]);
    expect(lines('# hadolint global ignore=DL9999\nFROM x\nRUN a\nRUN b\n')).toEqual([3]);
  });
});
