import type { DockerfileModel, InstructionNode, ShellWord } from '@dockerfile-opt/core';
import { invocations, parseArgs, type Invocation, type ParsedArgs } from './commands.js';

export type PackageManager = 'apt-get' | 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'gem' | 'go';

/** A package-manager command: `apt-get -y install curl` → subcommand `install`, operands `[curl]`. */
export interface PackageManagerCall {
  manager: PackageManager;
  invocation: Invocation;
  /** The first operand (`install`, `add`, `update`), or null when there is none. */
  subcommand: ShellWord | null;
  /** Operands after the subcommand (package names for an install). */
  operands: ShellWord[];
  parsed: ParsedArgs;
}

const RPM_VALUE_OPTIONS = [
  '-c', '--config', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--setopt', '--installroot', '--releasever',
  '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--forcearch', '--downloaddir', '--destdir',
];

/** Options that take the next word as their value, per manager (so that the value is not taken for a package). */
const VALUE_OPTIONS: Record<PackageManager, ReadonlySet<string>> = {
  'apt-get': new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture']),
  apt: new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture']),
  apk: new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file']),
  yum: new Set(RPM_VALUE_OPTIONS),
  dnf: new Set(RPM_VALUE_OPTIONS),
  microdnf: new Set(['--config', '--enablerepo', '--disablerepo', '--setopt', '--installroot', '--releasever']),
  zypper: new Set(['-r', '--repo', '--from', '-t', '--type', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-c', '--config']),
  pip: new Set([
    '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
    '--trusted-host', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--src',
    '--upgrade-strategy', '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert',
    '--client-cert', '--only-binary', '--no-binary', '-C', '--config-settings', '--global-option', '--python', '--report',
  ]),
  npm: new Set(['--prefix', '--registry', '--cache', '-w', '--workspace', '--tag', '--userconfig', '--loglevel', '--omit', '--include', '--install-strategy', '--location']),
  yarn: new Set(['--cwd', '--cache-folder', '--modules-folder', '--registry', '--network-timeout', '--mutex']),
  gem: new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform', '-g', '--file', '--build-root']),
  go: new Set(['-ldflags', '-gcflags', '-asmflags', '-tags', '-mod', '-modfile', '-p', '-pkgdir', '-toolexec', '-buildmode', '-compiler', '-overlay', '-pgo']),
};

const PROGRAMS: Record<string, PackageManager> = {
  'apt-get': 'apt-get',
  apt: 'apt',
  apk: 'apk',
  yum: 'yum',
  dnf: 'dnf',
  dnf5: 'dnf',
  microdnf: 'microdnf',
  zypper: 'zypper',
  npm: 'npm',
  yarn: 'yarn',
  gem: 'gem',
  go: 'go',
};

/** `pip`, `pip3`, `pip3.12`; and `python3 -m pip` through `pipArgs`. */
const PIP_PROGRAM = /^pip(\d+(\.\d+)?)?$/;
const PYTHON_PROGRAM = /^python(\d+(\.\d+)?)?$/;

/** The arguments pip sees in `python3 -m pip ...` (interpreter flags such as `-u` may come first), or null. */
function pipArgs(args: readonly ShellWord[]): ShellWord[] | null {
  for (let i = 0; i < args.length; i++) {
    const value = (args[i] as ShellWord).value;
    if (value === '-m') return args[i + 1]?.value === 'pip' ? args.slice(i + 2) : null;
    if (!value.startsWith('-')) return null;
  }
  return null;
}

export function packageManagerCall(invocation: Invocation): PackageManagerCall | null {
  let manager: PackageManager | undefined = PROGRAMS[invocation.program];
  let args: ShellWord[] | null = invocation.args;
  if (!manager && PIP_PROGRAM.test(invocation.program)) manager = 'pip';
  if (!manager && PYTHON_PROGRAM.test(invocation.program)) {
    args = pipArgs(invocation.args);
    if (args) manager = 'pip';
  }
  if (!manager || !args) return null;
  const parsed = parseArgs(args, VALUE_OPTIONS[manager]);
  const [subcommand = null, ...operands] = parsed.operands;
  return { manager, invocation, subcommand, operands, parsed };
}

/** Every package-manager command of a RUN, computed once per RUN for the many rules that read them. */
export function packageManagerCalls(model: DockerfileModel, run: InstructionNode): readonly PackageManagerCall[] {
  return model.derive(run, packageManagerCallsOfRun);
}

function packageManagerCallsOfRun(model: DockerfileModel, run: InstructionNode): readonly PackageManagerCall[] {
  const calls: PackageManagerCall[] = [];
  for (const invocation of invocations(model, run)) {
    const call = packageManagerCall(invocation);
    if (call) calls.push(call);
  }
  return calls;
}

/** Subcommands that install packages, per manager. */
const INSTALL_SUBCOMMANDS: Record<PackageManager, ReadonlySet<string>> = {
  'apt-get': new Set(['install']),
  apt: new Set(['install']),
  apk: new Set(['add']),
  yum: new Set(['install']),
  dnf: new Set(['install']),
  microdnf: new Set(['install']),
  zypper: new Set(['install', 'in']),
  pip: new Set(['install']),
  npm: new Set(['install', 'i', 'add']),
  yarn: new Set(['add', 'install']),
  gem: new Set(['install', 'i']),
  go: new Set(['install']),
};

export function isInstall(call: PackageManagerCall): boolean {
  return call.subcommand !== null && INSTALL_SUBCOMMANDS[call.manager].has(call.subcommand.value);
}
