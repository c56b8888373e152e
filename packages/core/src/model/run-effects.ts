import type { ShellCommand, ShellScript, ShellWord } from '../parse/shell.js';
import { basename, resolveImagePath } from './paths.js';

/**
 * What a path write is known to be:
 * - `file`: this exact path (a file, or a directory copied whole);
 * - `dir`: an (empty) directory was created here;
 * - `tree`: something, not known exactly what, was written at or below this path.
 */
export type WriteKind = 'file' | 'dir' | 'tree';

export interface RunWrite {
  path: string;
  kind: WriteKind;
  /** The shell word the path came from. */
  word: ShellWord | null;
  /** The command that wrote it (`go`, `mkdir`, …). */
  command: string;
  /** The path was resolved against the RUN's working directory (a relative path, no absolute `cd`). */
  relative: boolean;
}

export interface RunEffects {
  writes: RunWrite[];
  /** Some command may write paths the model cannot know (a build script, `make install`, …). */
  opaque: boolean;
}

/** Commands that write nothing of interest to the file-system model (or only system package dirs). */
const NO_TRACKED_WRITES = new Set([
  'apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper', 'dpkg', 'rpm', 'echo', 'printf', 'chmod', 'chown',
  'chgrp', 'rm', 'rmdir', 'ls', 'cat', 'grep', 'sed', 'awk', 'test', '[', 'true', 'false', 'set', 'export', 'unset',
  'useradd', 'groupadd', 'adduser', 'addgroup', 'usermod', 'userdel', 'id', 'whoami', 'sleep', 'env', 'which',
  'command', 'type', 'update-ca-certificates', 'ldconfig', 'locale-gen', 'apt-key', 'gpg', 'sha256sum', 'md5sum',
  'exit', 'cd', 'pwd', 'head', 'tail', 'sort', 'uniq', 'wc', 'tr', 'cut', 'xargs', 'find', 'stat', 'file', 'du',
  'df', 'date', 'uname', 'passwd', 'chpasswd', 'gem', 'sync', 'rustup', 'upx', 'strip', 'setcap',
  'tini', 'fc-cache', 'a2enmod', 'docker-php-ext-install', 'docker-php-ext-enable', 'docker-php-ext-configure',
  'pecl', 'ssh-keyscan', 'mkfifo', 'getent', 'nproc',
]);

/** Commands that run the command given in their arguments (`env FOO=1 make`): the wrapped one counts. */
const TRANSPARENT_WRAPPERS = new Set(['env', 'nohup', 'exec', 'command', 'time', 'builtin']);

/** Commands that run another command in a way too varied to follow (options with values, `{}` placeholders). */
const OPAQUE_WRAPPERS = new Set(['xargs', 'sudo', 'nice', 'ionice', 'timeout', 'su', 'chroot', 'gosu', 'su-exec', 'flock', 'stdbuf', 'parallel', 'watch']);

/**
 * The command a wrapper runs, `null` when it runs none (`env`, `command -v x`), or `opaque` when it
 * cannot be followed (`xargs`, `find -exec`).
 */
function unwrap(cmd: ShellCommand): ShellCommand | 'opaque' | null {
  const name = cmd.name ? basename(cmd.name.value) : '';
  if (OPAQUE_WRAPPERS.has(name)) return 'opaque';
  if (name === 'find' && cmd.args.some((a) => /^-(exec|execdir|ok|okdir)$/.test(a.value))) return 'opaque';
  if (!TRANSPARENT_WRAPPERS.has(name)) return cmd;
  if (name === 'command' && cmd.args.some((a) => a.value === '-v' || a.value === '-V')) return null;
  const at = cmd.args.findIndex((a) => !a.value.startsWith('-') && !(name === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a.value)));
  if (at === -1) return null;
  return unwrap({ ...cmd, name: cmd.args[at] as ShellWord, args: cmd.args.slice(at + 1) });
}

/** Compute the paths a RUN writes, from its parsed shell scripts. */
export function runEffects(scripts: readonly ShellScript[], workdir: string): RunEffects {
  const writes: RunWrite[] = [];
  let opaque = false;
  for (const script of scripts) {
    const cwd: Cwd = { path: workdir, anchored: false };
    for (const written of script.commands) {
      for (const r of written.redirects) {
        if (r.target && r.target.isStatic && /^>|^>>|^&>/.test(r.operator) && !r.target.value.startsWith('/dev/')) {
          writes.push({ path: resolveImagePath(cwd.path, r.target.value), kind: 'file', word: r.target, command: written.name?.value ?? '', relative: isRelative(cwd, r.target.value) });
        }
      }
      const cmd = unwrap(written);
      if (cmd === 'opaque') opaque = true;
      if (cmd === 'opaque' || !cmd?.name) continue;
      const name = basename(cmd.name.value);
      if (name === 'cd' && !cmd.inSubshell) {
        const target = cmd.args[0];
        if (target?.isStatic) {
          cwd.path = resolveImagePath(cwd.path, target.value);
          cwd.anchored ||= target.value.startsWith('/');
        } else if (target) opaque = true;
        continue;
      }
      const effect = commandWrites(name, cmd, cwd);
      writes.push(...effect.writes);
      if (effect.opaque || (!NO_TRACKED_WRITES.has(name) && !effect.known)) opaque = true;
    }
  }
  return { writes, opaque };
}

/** The working directory of a script as it runs: `anchored` once an absolute `cd` sets it. */
interface Cwd {
  path: string;
  anchored: boolean;
}

function isRelative(cwd: Cwd, path: string): boolean {
  return !cwd.anchored && !path.startsWith('/');
}

interface CommandEffect {
  writes: RunWrite[];
  opaque: boolean;
  /** The command is modelled (even if it wrote nothing). */
  known: boolean;
}

function optionValue(args: readonly ShellWord[], names: readonly string[]): ShellWord | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as ShellWord;
    for (const n of names) {
      if (a.value === n) return args[i + 1] ?? null;
      if (n.startsWith('--') && a.value.startsWith(`${n}=`)) {
        return { ...a, value: a.value.slice(n.length + 1), text: a.text.slice(n.length + 1), range: [a.range[0] + n.length + 1, a.range[1]] };
      }
      if (!n.startsWith('--') && a.value.startsWith(n) && a.value.length > n.length && n.length === 2 && !a.value.startsWith('--')) {
        return { ...a, value: a.value.slice(2), text: a.text.slice(2), range: [a.range[0] + 2, a.range[1]] };
      }
    }
  }
  return null;
}

function positional(args: readonly ShellWord[]): ShellWord[] {
  return args.filter((a) => !a.value.startsWith('-'));
}

/** Subcommands of yarn that are its own (`yarn build` runs the package's `build` script instead). */
const YARN_COMMANDS = new Set(['install', 'add', 'remove', 'upgrade', 'up', 'cache', 'config', 'global', 'info', 'list', 'why', 'init', 'set', 'plugin']);

/**
 * `npm run build`, `yarn build`, `bun run build`, `bun build`: a package script or bundler whose
 * output directory is configured elsewhere (vite's `outDir: '../backend/static'`).
 */
function runsPackageScript(name: string, sub: string | undefined): boolean {
  if (sub === undefined) return false;
  if (name === 'yarn') return !YARN_COMMANDS.has(sub);
  if (name === 'npm' || name === 'pnpm' || name === 'bun') return ['run', 'run-script', 'exec', 'x', 'dlx', 'build', 'start', 'test'].includes(sub);
  return false;
}

function commandWrites(name: string, cmd: ShellCommand, cwdState: Cwd): CommandEffect {
  const args = cmd.args;
  const out: RunWrite[] = [];
  const command = name;
  const cwd = cwdState.path;
  /** A path named by `word`, or `path` computed from `relativeTo` (a word, or `.` for the working directory). */
  const add = (word: ShellWord | null, kind: RunWrite['kind'], path?: string, relativeTo = '.'): void => {
    if (!word && !path) return;
    if (word && !word.isStatic) return;
    const relative = isRelative(cwdState, path === undefined ? (word as ShellWord).value : relativeTo);
    out.push({ path: path ?? resolveImagePath(cwd, (word as ShellWord).value), kind, word, command, relative });
  };
  const sub = positional(args)[0]?.value;
  switch (name) {
    case 'mkdir':
      for (const a of positional(args.filter((a) => !/^-m$|^--mode$/.test(a.value)))) add(a, 'dir');
      return { writes: out, opaque: false, known: true };
    case 'touch':
      for (const a of positional(args)) add(a, 'file');
      return { writes: out, opaque: false, known: true };
    case 'cp':
    case 'mv':
    case 'install':
    case 'ln': {
      const target = optionValue(args, ['-t', '--target-directory']);
      const pos = positional(args);
      if (target) add(target, 'tree');
      else if (pos.length >= 2) {
        const dest = pos.at(-1) as ShellWord;
        const sources = pos.slice(0, -1);
        if (sources.length === 1 && !dest.value.endsWith('/')) {
          add(dest, 'file');
          // `cp build/app /usr/local/bin` copies into an existing directory
          add(null, 'file', resolveImagePath(resolveImagePath(cwd, dest.value), basename((sources[0] as ShellWord).value)), dest.value);
        } else {
          for (const s of sources) {
            if (s.isStatic) add(null, 'file', resolveImagePath(resolveImagePath(cwd, dest.value), basename(s.value)), dest.value);
          }
          add(dest, 'tree');
        }
      } else if (name === 'install' && args.some((a) => a.value === '-d')) {
        for (const a of pos) add(a, 'dir');
      }
      return { writes: out, opaque: false, known: true };
    }
    case 'tar':
    case 'unzip':
    case 'bsdtar': {
      const dir = optionValue(args, name === 'unzip' ? ['-d'] : ['-C', '--directory']);
      if (dir) add(dir, 'tree');
      else if (name !== 'tar' || args.some((a) => /^-?[a-zA-Z]*x/.test(a.value) || a.value === '--extract')) {
        add(null, 'tree', cwd);
      }
      const file = name === 'tar' ? optionValue(args, ['-f', '--file']) : null;
      if (file && args.some((a) => /^-?[a-zA-Z]*c/.test(a.value) || a.value === '--create')) add(file, 'file');
      return { writes: out, opaque: false, known: true };
    }
    case 'curl':
    case 'wget': {
      const o = optionValue(args, name === 'curl' ? ['-o', '--output'] : ['-O', '--output-document']);
      if (o && o.value !== '-') add(o, 'file');
      const dir = name === 'wget' ? optionValue(args, ['-P', '--directory-prefix']) : null;
      if (dir) add(dir, 'tree');
      return { writes: out, opaque: false, known: true };
    }
    case 'git': {
      if (sub === 'clone') {
        const pos = positional(args).slice(1);
        const url = pos[0];
        const dir = pos[1];
        if (dir) add(dir, 'tree');
        else if (url?.isStatic) add(null, 'tree', resolveImagePath(cwd, basename(url.value).replace(/\.git$/, '')));
      }
      return { writes: out, opaque: false, known: true };
    }
    case 'go': {
      if (sub === 'build') {
        const o = optionValue(args, ['-o']);
        if (o) add(o, o.value.endsWith('/') ? 'tree' : 'file');
        else add(null, 'tree', cwd);
      } else if (sub === 'install') {
        add(null, 'tree', '/go/bin', '/');
        add(null, 'tree', '/root/go/bin', '/');
      }
      return { writes: out, opaque: false, known: true };
    }
    case 'gcc':
    case 'cc':
    case 'g++':
    case 'clang':
    case 'rustc': {
      const o = optionValue(args, ['-o']);
      if (o) add(o, 'file');
      else add(null, 'tree', cwd);
      return { writes: out, opaque: false, known: true };
    }
    case 'cargo': {
      if (sub === 'build' || sub === 'install') {
        const targetDir = optionValue(args, ['--target-dir']);
        const root = optionValue(args, ['--root']);
        if (sub === 'install') {
          if (root) add(root, 'tree');
          else add(null, 'tree', '/usr/local/cargo/bin', '/');
        } else if (targetDir) add(targetDir, 'tree');
        else add(null, 'tree', resolveImagePath(cwd, 'target'));
      }
      return { writes: out, opaque: false, known: true };
    }
    case 'mvn':
    case 'mvnw':
      add(null, 'tree', resolveImagePath(cwd, 'target'));
      return { writes: out, opaque: false, known: true };
    case 'gradle':
    case 'gradlew':
      add(null, 'tree', resolveImagePath(cwd, 'build'));
      return { writes: out, opaque: false, known: true };
    case 'dotnet': {
      const o = optionValue(args, ['-o', '--output']);
      if (o) add(o, 'tree');
      else if (sub === 'publish' || sub === 'build') add(null, 'tree', resolveImagePath(cwd, 'bin'));
      return { writes: out, opaque: false, known: true };
    }
    case 'npm':
    case 'yarn':
    case 'pnpm':
    case 'bun':
    case 'pip':
    case 'pip3':
    case 'poetry':
    case 'uv':
    case 'pipenv':
    case 'bundle':
    case 'composer':
    case 'make':
    case 'cmake':
    case 'ninja':
    case 'javac':
    case 'jar':
      // These write below the working directory (node_modules, dist, build, .venv, vendor, …),
      // and may write elsewhere too (`pip install`, `make install`): not knowable in general.
      add(null, 'tree', cwd);
      return { writes: out, opaque: name === 'make' || name === 'cmake' || name === 'ninja' || runsPackageScript(name, sub), known: true };
    default:
      return { writes: out, opaque: false, known: false };
  }
}
