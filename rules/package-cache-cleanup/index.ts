import { defineRule, type DockerfileModel, type FixDescriptor, type InstructionNode, type TextEdit } from '@dockerfile-opt/core';
import { hasOption, invocations, type Invocation } from '../_shared/commands.js';
import { packageManagerCalls, type PackageManagerCall } from '../_shared/package-managers.js';
import { appendCommandEdit, cacheMountTargets, commandRange, imageStages, mountCovers } from '../_shared/run-helpers.js';

/** What one RUN does, as far as caches go. */
interface RunFacts {
  calls: readonly PackageManagerCall[];
  /** Arguments of every `rm` in the RUN. */
  removed: string[];
  mounts: string[];
  env: ReadonlyMap<string, unknown>;
}

/** One kind of cache a package manager leaves behind. */
interface CacheKind {
  messageId: string;
  /** The hadolint code of this check. */
  code: string;
  /** Each call needs its own fix (a flag), rather than one cleanup for the whole RUN. */
  perCall: boolean;
  /** The call leaves its cache in the layer (before looking at cleanup). */
  fills(call: PackageManagerCall, facts: RunFacts): boolean;
  /** Something in the RUN keeps the cache out of the layer. */
  handled(facts: RunFacts): boolean;
  fix(call: PackageManagerCall, facts: RunFacts, append: (command: string) => TextEdit | null): FixDescriptor | null;
}

const RPM_FILLS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'makecache', 'distro-sync']);
const ZYPPER_FILLS = new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'refresh', 'ref', 'source-install', 'si']);
const APT_CONSUMERS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download']);

function subcommandIs(call: PackageManagerCall, names: ReadonlySet<string> | readonly string[]): boolean {
  const value = call.subcommand?.value;
  if (value === undefined) return false;
  return 'has' in names ? names.has(value) : names.includes(value);
}

/** `rm` of the directory or of something inside it. */
function removes(facts: RunFacts, pattern: RegExp): boolean {
  return facts.removed.some((arg) => pattern.test(arg));
}

function cleanedBy(facts: RunFacts, managers: readonly string[], subcommands: readonly string[]): boolean {
  return facts.calls.some((c) => managers.includes(c.manager) && subcommandIs(c, subcommands));
}

function appendFix(description: string, command: string, append: (command: string) => TextEdit | null): FixDescriptor | null {
  const edit = append(command);
  return edit ? { description, edits: [edit] } : null;
}

function insertFlagFix(call: PackageManagerCall, flag: string): FixDescriptor | null {
  const subcommand = call.subcommand;
  if (!subcommand) return null;
  return { description: `Add ${flag}`, edits: [{ range: [subcommand.range[1], subcommand.range[1]], text: ` ${flag}` }] };
}

const RPM_CLEAN = (program: string): CacheKind => ({
  messageId: 'rpmClean',
  code: program === 'yum' ? 'DL3032' : 'DL3040',
  perCall: false,
  fills: (call) => call.invocation.program === program && subcommandIs(call, RPM_FILLS),
  handled: (facts) =>
    cleanedBy(facts, program === 'yum' ? ['yum', 'dnf'] : ['dnf', 'microdnf', 'yum'], ['clean']) ||
    removes(facts, /^\/var\/cache\/(yum|dnf|libdnf5)(\/|$)/) ||
    ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'].some((dir) => mountCovers(facts.mounts, dir)),
  fix: (_call, _facts, append) => appendFix(`Run "${program} clean all" at the end of the RUN`, `${program} clean all`, append),
});

const KINDS: CacheKind[] = [
  {
    messageId: 'aptLists',
    code: 'DL3009',
    perCall: false,
    fills: (call) => (call.manager === 'apt-get' || call.manager === 'apt') && call.subcommand?.value === 'update',
    handled: (facts) =>
      removes(facts, /^\/var\/lib\/apt\/lists(\/|$)/) ||
      cleanedBy(facts, ['apt-get', 'apt'], ['dist-clean']) ||
      mountCovers(facts.mounts, '/var/lib/apt/lists'),
    // Removing the lists in a RUN that installs nothing would break the install of a later RUN.
    fix: (_call, facts, append) =>
      facts.calls.some((c) => (c.manager === 'apt-get' || c.manager === 'apt') && subcommandIs(c, APT_CONSUMERS))
        ? appendFix('Remove /var/lib/apt/lists/* at the end of the RUN', 'rm -rf /var/lib/apt/lists/*', append)
        : null,
  },
  {
    messageId: 'apkCache',
    code: 'DL3019',
    perCall: true,
    fills: (call) => call.manager === 'apk' && call.subcommand?.value === 'add' && !hasOption(call.parsed.options, ['--no-cache']),
    handled: (facts) => removes(facts, /^\/var\/cache\/apk(\/|$)/) || mountCovers(facts.mounts, '/var/cache/apk') || mountCovers(facts.mounts, '/etc/apk/cache'),
    fix: (call) => insertFlagFix(call, '--no-cache'),
  },
  RPM_CLEAN('yum'),
  RPM_CLEAN('dnf'),
  RPM_CLEAN('dnf5'),
  RPM_CLEAN('microdnf'),
  {
    messageId: 'zypperClean',
    code: 'DL3036',
    perCall: false,
    fills: (call) => call.manager === 'zypper' && subcommandIs(call, ZYPPER_FILLS),
    handled: (facts) =>
      cleanedBy(facts, ['zypper'], ['clean', 'cc']) || removes(facts, /^\/var\/cache\/zypp(\/|$)/) || mountCovers(facts.mounts, '/var/cache/zypp'),
    fix: (_call, _facts, append) => appendFix('Run "zypper clean --all" at the end of the RUN', 'zypper clean --all', append),
  },
  {
    messageId: 'pipCache',
    code: 'DL3042',
    perCall: true,
    fills: (call, facts) =>
      call.manager === 'pip' &&
      call.subcommand?.value === 'install' &&
      !hasOption(call.parsed.options, ['--no-cache-dir']) &&
      !facts.env.has('PIP_NO_CACHE_DIR') &&
      !call.invocation.command.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR') &&
      !call.invocation.command.args.some((a) => a.value.startsWith('PIP_NO_CACHE_DIR=')),
    handled: (facts) =>
      removes(facts, /(^|\/)\.cache(\/pip)?(\/\*?)?$/) ||
      cleanedBy(facts, ['pip'], ['cache']) ||
      facts.mounts.some((target) => /(^|\/)\.cache(\/pip)?$/.test(target)),
    fix: (call) => insertFlagFix(call, '--no-cache-dir'),
  },
  {
    messageId: 'yarnCache',
    code: 'DL3060',
    perCall: false,
    fills: (call) =>
      call.manager === 'yarn' &&
      (call.subcommand === null
        ? !hasOption(call.parsed.options, ['--version', '-v', '--help', '-h'])
        : subcommandIs(call, ['install', 'add'])),
    handled: (facts) =>
      facts.calls.some((c) => c.manager === 'yarn' && c.subcommand?.value === 'cache' && c.operands[0]?.value === 'clean') ||
      removes(facts, /yarn/) ||
      facts.mounts.some((target) => /yarn|(^|\/)\.cache$/.test(target)),
    fix: (_call, _facts, append) => appendFix('Run "yarn cache clean" at the end of the RUN', 'yarn cache clean', append),
  },
];

function factsOf(model: DockerfileModel, run: InstructionNode): RunFacts {
  const all: readonly Invocation[] = invocations(model, run);
  const calls = packageManagerCalls(model, run);
  const removed = all.filter((i) => i.program === 'rm').flatMap((i) => i.args.map((a) => a.value));
  return { calls, removed, mounts: cacheMountTargets(model, run), env: model.stateAt(run).env };
}

export default defineRule({
  id: 'package-cache-cleanup',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    sources: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060'],
    description: 'Package managers leave no cache or index in the image: clean up in the same RUN, skip the cache, or use a cache mount.',
    messages: {
      aptLists: '"{{command}}" leaves the package lists in the image: end the RUN with "rm -rf /var/lib/apt/lists/*", or mount a cache on /var/lib/apt/lists.',
      apkCache: '"{{command}}" keeps the package index in /var/cache/apk: add --no-cache, or mount a cache on /var/cache/apk.',
      rpmClean: '"{{command}}" keeps its metadata and package cache in the image: end the RUN with "{{program}} clean all", or mount a cache on /var/cache/{{cacheDir}}.',
      zypperClean: '"{{command}}" keeps its package cache in the image: end the RUN with "zypper clean --all", or mount a cache on /var/cache/zypp.',
      pipCache: '"{{command}}" keeps downloaded packages in ~/.cache/pip: add --no-cache-dir, set PIP_NO_CACHE_DIR=1, or mount a cache on /root/.cache/pip.',
      yarnCache: '"{{command}}" keeps the yarn cache in the image: end the RUN with "yarn cache clean", or mount a cache on the yarn cache folder.',
    },
    schema: [],
  },
  create(ctx) {
    // Caches in a builder stage never reach the image: only stages the final image is built from matter.
    const stages = imageStages(ctx.model);
    return {
      RUN(run) {
        const stage = ctx.model.stageOf(run);
        if (!stage || !stages.has(stage)) return;
        const facts = factsOf(ctx.model, run);
        const append = (command: string): TextEdit | null => appendCommandEdit(ctx.root, run, command);
        const reported = new Set<CacheKind>();
        for (const call of facts.calls) {
          const kind = KINDS.find((k) => k.fills(call, facts));
          if (!kind || kind.handled(facts)) continue;
          // One cleanup at the end of the RUN serves every call: report the first one only.
          if (!kind.perCall && reported.has(kind)) continue;
          reported.add(kind);
          const range = commandRange(call.invocation, call.subcommand);
          const program = call.invocation.program;
          ctx.report({
            range,
            messageId: kind.messageId,
            data: { command: `${call.manager === 'pip' ? 'pip' : program} ${call.subcommand?.value ?? ''}`.trim(), program, cacheDir: program === 'yum' ? 'yum' : 'dnf' },
            fix: kind.fix(call, facts, append),
            sources: [kind.code],
          });
        }
      },
    };
  },
});
