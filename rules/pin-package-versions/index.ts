import { defineRule, type ShellWord } from '@dockerfile-opt/core';
import { hasOption, runVisitors } from '../_shared/commands.js';
import { isInstall, packageManagerCalls, type PackageManager, type PackageManagerCall } from '../_shared/package-managers.js';

type PinnedManager = Exclude<PackageManager, 'yarn'>;

interface Options {
  /** Managers to check; all of them when absent. */
  managers?: PinnedManager[];
  /** Package names never reported (`pip`, `setuptools`). */
  ignorePackages?: string[];
}

const MANAGERS: PinnedManager[] = ['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'pip', 'npm', 'gem', 'go'];

/** The hadolint code of each manager's check, so that `# hadolint ignore=DL3013` silences pip only. */
const CODE: Record<PinnedManager, string> = {
  'apt-get': 'DL3008',
  apt: 'DL3008',
  apk: 'DL3018',
  yum: 'DL3033',
  dnf: 'DL3041',
  microdnf: 'DL3041',
  zypper: 'DL3037',
  pip: 'DL3013',
  npm: 'DL3016',
  gem: 'DL3028',
  go: 'DL3062',
};

/** How a pinned package reads, per manager: shown in the message. */
const PIN_EXAMPLE: Record<PinnedManager, (name: string) => string> = {
  'apt-get': (name) => `${name}=<version>`,
  apt: (name) => `${name}=<version>`,
  apk: (name) => `${name}=<version>`,
  yum: (name) => `${name}-<version>`,
  dnf: (name) => `${name}-<version>`,
  microdnf: (name) => `${name}-<version>`,
  zypper: (name) => `${name}=<version>`,
  pip: (name) => `${name}==<version>`,
  npm: (name) => `${name}@<version>`,
  gem: (name) => `${name}:<version>`,
  go: (name) => `${name}@<version>`,
};

/** Local files, URLs and VCS references install exactly what they name: nothing to pin. */
const NOT_A_REGISTRY_NAME = /^[./~]|^[a-z+]+:|\.(deb|apk|rpm|whl|gem|tgz|tar\.gz|tar\.bz2|zip)$/i;

/** Whether the word's source text names a version, by the syntax of `manager` (`curl=${CURL_VERSION}` counts). */
function isPinned(manager: PinnedManager, text: string): boolean {
  switch (manager) {
    case 'apt-get':
    case 'apt':
    case 'zypper':
      return /[=<>]/.test(text);
    case 'apk':
      return /[=~<>]/.test(text);
    case 'pip':
      return /[=<>~!@]/.test(text);
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return /-(\d|\$)/.test(text);
    case 'gem':
      return text.includes(':');
    case 'npm':
    case 'go': {
      const at = text.indexOf('@', 1);
      return at !== -1 && text.slice(at + 1) !== 'latest';
    }
  }
}

/** The operands of an install that name registry packages, each with the name shown in the message. */
function packagesOf(call: PackageManagerCall, manager: PinnedManager): ShellWord[] {
  const { options } = call.parsed;
  switch (manager) {
    case 'pip':
      // A constraints file pins everything it names.
      if (hasOption(options, ['--constraint', '-c'])) return [];
      return call.operands.filter((w) => !w.value.includes('/'));
    case 'gem':
      if (hasOption(options, ['--version', '-v'])) return [];
      return call.operands;
    case 'zypper':
      // `-t pattern` / `-t patch`: not packages with versions.
      if (hasOption(options, ['--type', '-t'])) return [];
      return call.operands;
    case 'npm':
      // `user/repo` is a GitHub shorthand; `@scope/name` is a registry package.
      return call.operands.filter((w) => w.value.startsWith('@') || !w.value.includes('/'));
    case 'go':
      // Only module paths with a domain are downloaded; `cmd/tool` is in the current module.
      return call.operands.filter((w) => /^[^/]*\.[^/]*\//.test(w.value));
    case 'yum':
    case 'dnf':
    case 'microdnf':
      // `@group` names a group or module.
      return call.operands.filter((w) => !w.value.startsWith('@'));
    default:
      return call.operands;
  }
}

function packageName(manager: PinnedManager, value: string): string {
  if (manager === 'npm' || manager === 'go') {
    const at = value.indexOf('@', 1);
    return at === -1 ? value : value.slice(0, at);
  }
  return value;
}

export default defineRule<[Options]>({
  id: 'pin-package-versions',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'],
    description: 'Package installs name a version, so that a rebuild installs the same packages.',
    messages: {
      unpinned: '{{manager}} installs "{{name}}" without a version, so every rebuild may get a different one: pin it as {{example}}.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          managers: { type: 'array', items: { type: 'string', enum: MANAGERS } },
          ignorePackages: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{}],
  },
  create(ctx) {
    const managers = new Set<PackageManager>(ctx.options[0]?.managers ?? MANAGERS);
    const ignored = new Set(ctx.options[0]?.ignorePackages ?? []);
    return runVisitors((run) => {
      for (const call of packageManagerCalls(ctx.model, run)) {
        const manager = call.manager;
        if (manager === 'yarn' || !managers.has(manager) || !isInstall(call)) continue;
        for (const word of packagesOf(call, manager)) {
          if (isPinned(manager, word.text)) continue;
          // `$PACKAGES` may hold anything, versions included.
          if (!word.isStatic || NOT_A_REGISTRY_NAME.test(word.value)) continue;
          const name = packageName(manager, word.value);
          if (ignored.has(name)) continue;
          ctx.report({
            range: word.range,
            messageId: 'unpinned',
            data: { manager, name, example: PIN_EXAMPLE[manager](name) },
            sources: [CODE[manager]],
          });
        }
      }
    });
  },
});
