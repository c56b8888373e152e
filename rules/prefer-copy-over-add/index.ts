import { defineRule, hasGlob, type FixSafety, type InstructionNode, type RuleContext } from '@dockerfile-opt/core';
import { baseName, isArchivePath, isRemoteSource } from '../_shared/archives.js';
import { withOnbuildTriggers } from '../_shared/onbuild.js';

/** Flags only ADD accepts: their presence means ADD is needed. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** The sources of an ADD after ARG expansion; null when one of them is not known. */
function expandedSources(ctx: RuleContext, node: InstructionNode): string[] | null {
  const written = node.execForm ? node.execForm.slice(0, -1) : ctx.model.copyInfo(node).sources.map((s) => s.token.value);
  const out: string[] = [];
  for (const source of written) {
    const value = ctx.model.expand(source, node).value;
    if (value === null) return null;
    out.push(value);
  }
  return out;
}

/**
 * ADD unpacks a local tar archive whatever its name, so a glob that could match one (`src/*`)
 * makes the rewrite unsafe; a glob with a plain file ending (`*.json`) cannot match an archive.
 */
function safetyOf(sources: readonly string[]): FixSafety {
  return sources.every((s) => !hasGlob(baseName(s)) || /\.[A-Za-z0-9]+$/.test(baseName(s))) ? 'safe' : 'unsafe';
}

export default defineRule({
  id: 'prefer-copy-over-add',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'safe',
    sources: ['DL3020'],
    description: 'Local files and folders are copied with COPY; ADD is kept for URLs, git sources and archives to unpack.',
    messages: {
      useCopy: 'ADD of local files: use COPY, which does not unpack archives or fetch URLs behind your back.',
    },
    schema: [],
  },
  create(ctx) {
    return withOnbuildTriggers({
      ADD(node) {
        if (node.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase()))) return;
        const sources = expandedSources(ctx, node);
        if (sources === null || (sources.length === 0 && node.heredocs.length === 0)) return;
        if (sources.some((s) => isRemoteSource(s) || isArchivePath(s))) return;
        const keyword = node.keywordToken;
        const copy = keyword.text === keyword.text.toLowerCase() ? 'copy' : 'COPY';
        ctx.report({
          node: keyword,
          messageId: 'useCopy',
          fix: { edits: [{ range: keyword.range, text: copy }], safety: safetyOf(sources), description: 'Replace ADD with COPY' },
        });
      },
    });
  },
});
