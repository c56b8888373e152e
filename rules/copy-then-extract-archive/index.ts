import { defineRule, type Token } from '@dockerfile-opt/core';
import { baseName, isRemoteSource } from '../_shared/archives.js';
import { invocations } from '../_shared/commands.js';

/** Tar archives, which ADD unpacks (ADD does not unpack zip files or lone compressed files). */
const TAR_ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|lz|lzma|z|zst)|tgz|tbz2?|tb2|txz|tlz|taz|tzst)$/i;

/** `tar -xzf`, `tar xzf`, `tar --extract`. */
function isTarExtract(args: readonly string[]): boolean {
  return args.some((a, i) => a === '--extract' || a === '--get' || /^-[A-Za-wyz]*x/.test(a) || (i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(a)));
}

interface CopiedArchive {
  name: string;
  token: Token;
  reported: boolean;
}

export default defineRule({
  id: 'copy-then-extract-archive',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: ['DL3010'],
    description: 'A local tar archive that is copied only to be unpacked is added with ADD, which unpacks it in one layer.',
    messages: {
      useAdd: 'Archive "{{name}}" is copied and then unpacked with tar: `ADD {{name}} <dir>/` unpacks it without keeping the archive in a layer.',
    },
    schema: [],
  },
  create(ctx) {
    let copied: CopiedArchive[] = [];
    return {
      FROM() {
        copied = [];
      },
      COPY(node) {
        const info = ctx.model.copyInfo(node);
        if (info.from) return;
        const destName = info.dest ? baseName(ctx.model.expand(info.dest.value, node).value ?? '') : '';
        for (const source of info.sources) {
          if (isRemoteSource(source.value)) continue;
          const name = TAR_ARCHIVE.test(source.value) ? baseName(source.value) : TAR_ARCHIVE.test(destName) && info.sources.length === 1 ? destName : null;
          if (name) copied.push({ name, token: source.token, reported: false });
        }
      },
      RUN(node) {
        if (copied.length === 0) return;
        for (const call of invocations(ctx.model, node)) {
          if (call.program !== 'tar') continue;
          const args = call.args.map((a) => a.value);
          if (!isTarExtract(args)) continue;
          const names = new Set(args.map(baseName));
          for (const archive of copied) {
            if (archive.reported || !names.has(archive.name)) continue;
            archive.reported = true;
            ctx.report({ node: archive.token, messageId: 'useAdd', data: { name: archive.name } });
          }
        }
      },
    };
  },
});
