import { defineRule, isUnder, resolveImagePath } from '@dockerfile-opt/core';

/** Directories a container runtime mounts over, or that belong to the host's boot, not the image. */
const SYSTEM_DIRECTORIES = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

export default defineRule({
  id: 'workdir-system-directory',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: [],
    description: 'WORKDIR is not inside /proc, /sys, /dev, /boot or another system directory.',
    messages: {
      system: 'WORKDIR "{{path}}" is inside {{dir}}, which the runtime mounts over or the host owns: files written there at build time are hidden or lost.',
    },
    schema: [],
  },
  create(ctx) {
    return {
      WORKDIR(node) {
        if (!node.bodyRange) return;
        const written = ctx.model.expand(node.argsText.trim(), node).value;
        if (written === null) return;
        const path = resolveImagePath(ctx.model.stateAt(node).workdir, written.replace(/^(["'])(.*)\1$/, '$2'));
        const dir = SYSTEM_DIRECTORIES.find((d) => isUnder(path, d));
        if (dir) ctx.report({ range: node.bodyRange, messageId: 'system', data: { path, dir } });
      },
    };
  },
});
