import { defineRule, type InstructionNode } from '@dockerfile-opt/core';
import { isRemoteSource } from '../_shared/archives.js';
import { stripQuotes } from '../_shared/quoting.js';
import { cleanContextPath, isIgnored, parseDockerignore, type IgnorePattern } from '../_shared/dockerignore.js';

export default defineRule({
  id: 'copy-ignored-file',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['CopyIgnoredFile'],
    description: 'COPY and ADD do not name build-context paths that .dockerignore leaves out.',
    messages: {
      ignored: '"{{source}}" is excluded by {{file}}, so it is not in the build context and this {{keyword}} cannot find it.',
    },
    schema: [],
  },
  create(ctx) {
    let patterns: IgnorePattern[] | null = null;
    let file = '.dockerignore';
    const load = (): IgnorePattern[] => {
      if (patterns) return patterns;
      // A Dockerfile-specific ignore file (`app.Dockerfile.dockerignore`) replaces the shared one.
      const dockerfileName = ctx.filePath?.split(/[/\\]/).at(-1);
      const own = dockerfileName ? ctx.readContextFile?.(`${dockerfileName}.dockerignore`) : null;
      if (own != null && dockerfileName) file = `${dockerfileName}.dockerignore`;
      const text = own ?? ctx.readContextFile?.('.dockerignore') ?? null;
      patterns = text === null ? [] : parseDockerignore(text);
      return patterns;
    };
    const check = (node: InstructionNode): void => {
      if (!ctx.readContextFile) return;
      const info = ctx.model.copyInfo(node);
      if (info.from || node.flags.some((f) => f.name.toLowerCase() === 'from')) return;
      const ignore = load();
      if (ignore.length === 0) return;
      for (const source of info.sources) {
        const expanded = ctx.model.expand(source.token.value, node).value;
        const value = expanded === null ? null : stripQuotes(expanded);
        if (value === null || isRemoteSource(value) || cleanContextPath(value) === '') continue;
        if (isIgnored(ignore, value)) {
          ctx.report({ node: source.token, messageId: 'ignored', data: { source: value, file, keyword: node.keyword } });
        }
      }
    };
    return { COPY: check, ADD: check };
  },
});
