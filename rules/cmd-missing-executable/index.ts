import { basename, defineRule, isUnder, resolveImagePath, type DockerfileModel, type Stage } from '@dockerfile-opt/core';
import { isSystemPath, rootBase } from '../copy-from-missing-artifact/image-paths.js';
import { startWorkdir, startedPrograms } from './executable.js';
import { minimalImage } from './minimal-images.js';

const WINDOWS_EXTENSIONS = ['.exe', '.cmd', '.bat', '.com'];

/** Why `path` cannot exist in the image of `stage`, or null when it may. */
function whyMissing(model: DockerfileModel, stage: Stage, path: string): { messageId: 'scratch' } | { messageId: 'minimalBase'; image: string } | null {
  // Windows finds `/traefik` as `/traefik.exe`.
  const candidates = [path, ...WINDOWS_EXTENSIONS.map((ext) => `${path}${ext}`)];
  if (candidates.some((p) => model.produces(stage, p) !== 'no') || model.hasOpaqueWrites(stage)) return null;
  const base = rootBase(stage);
  if (base.kind === 'scratch') return { messageId: 'scratch' };
  if (base.kind !== 'image') return null;
  const known = minimalImage(base.name);
  // Relative writes are resolved against `/`, which is right for the known images only.
  if (!known && model.writes(stage).some((w) => !w.anchored && w.kind !== 'dir')) return null;
  if (!known || isSystemPath(path) || known.appRoots.some((root) => isUnder(path, root))) return null;
  return { messageId: 'minimalBase', image: base.image };
}

export default defineRule({
  id: 'cmd-missing-executable',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    description: 'The program the final image starts (CMD/ENTRYPOINT) exists in it.',
    messages: {
      scratch: '{{keyword}} starts "{{path}}", but the final image is built from scratch and nothing in it writes that path.{{hint}}',
      minimalBase: '{{keyword}} starts "{{path}}", but nothing in the final stage writes it and the base image "{{image}}" does not ship it.{{hint}}',
    },
    schema: [],
  },
  create(ctx) {
    return {
      'Dockerfile:exit'() {
        const stage = ctx.model.finalStage;
        if (!stage) return;
        const base = rootBase(stage);
        const baseHasEntrypoint = base.kind === 'image' && minimalImage(base.name)?.entrypoint === true;
        const baseStartsAtRoot = base.kind === 'scratch' || (base.kind === 'image' && minimalImage(base.name) !== null);
        const workdir = startWorkdir(ctx.model, stage, baseStartsAtRoot);
        for (const program of startedPrograms(ctx.model, stage, baseHasEntrypoint)) {
          // A bare name is looked up in PATH; `$VAR` is not expanded in exec form and unknown in shell form.
          if (!program.word.includes('/') || program.word.includes('$') || /^[A-Za-z]:/.test(program.word)) continue;
          if (!program.word.startsWith('/') && workdir === null) continue;
          const path = resolveImagePath(workdir ?? '/', program.word);
          const missing = whyMissing(ctx.model, stage, path);
          if (!missing) continue;
          const sameName = ctx.model
            .writes(stage)
            .find((w) => w.kind === 'file' && w.anchored && w.path !== path && basename(w.path) === basename(path));
          ctx.report({
            range: program.range,
            messageId: missing.messageId,
            data: {
              keyword: program.node.type,
              path,
              image: missing.messageId === 'minimalBase' ? missing.image : '',
              hint: sameName ? ` It writes "${sameName.path}": did you mean that?` : '',
            },
          });
        }
      },
    };
  },
});
