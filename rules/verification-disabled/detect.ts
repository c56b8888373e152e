import type { ShellWord } from '@dockerfile-opt/core';
import { optionMatches, type Invocation } from '../_shared/commands.js';
import { packageManagerCall } from '../_shared/package-managers.js';

export type CheckKind = 'tls' | 'signature';

export interface DisabledCheck {
  /** The flag or setting: a whole word, or the part of a word that holds the setting. */
  range: [number, number];
  text: string;
  kind: CheckKind;
  /** The word is a flag on its own: removing it turns the check back on. */
  removable: boolean;
}

/** Flags that turn a check off, per program. */
const FLAGS: Record<string, Array<{ names: string[]; kind: CheckKind }>> = {
  curl: [{ names: ['-k', '--insecure'], kind: 'tls' }],
  wget: [{ names: ['--no-check-certificate'], kind: 'tls' }],
  apk: [{ names: ['--allow-untrusted'], kind: 'signature' }],
  'apt-get': [{ names: ['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes'], kind: 'signature' }],
  apt: [{ names: ['--allow-unauthenticated', '--allow-insecure-repositories', '--force-yes'], kind: 'signature' }],
  yum: [{ names: ['--nogpgcheck'], kind: 'signature' }],
  dnf: [{ names: ['--nogpgcheck', '--no-gpgchecks'], kind: 'signature' }],
  dnf5: [{ names: ['--nogpgcheck', '--no-gpgchecks'], kind: 'signature' }],
  microdnf: [{ names: ['--nogpgcheck'], kind: 'signature' }],
  zypper: [{ names: ['--no-gpg-checks'], kind: 'signature' }],
  rpm: [{ names: ['--nosignature', '--nodigest'], kind: 'signature' }],
};

/**
 * Words that turn a check off wherever they appear: apt `-o` values, repository files written by
 * echo, git `-c`. With a capturing group (and the `d` flag), the group is the part reported.
 */
const SETTINGS: Array<{ pattern: RegExp; kind: CheckKind }> = [
  { pattern: /Verify-(Peer|Host)\s*=\s*"?(false|0|no)\b/i, kind: 'tls' },
  { pattern: /^http\.sslverify=(false|0|no)$/i, kind: 'tls' },
  { pattern: /\b(sslverify)\s*=\s*(0|false|no)\b/i, kind: 'tls' },
  { pattern: /^--strict-ssl=false$/, kind: 'tls' },
  { pattern: /AllowUnauthenticated\s*=\s*"?(true|1|yes)\b/i, kind: 'signature' },
  { pattern: /AllowInsecureRepositories\s*=\s*"?(true|1|yes)\b/i, kind: 'signature' },
  // apt source options: `deb [ trusted=yes ] http://...`.
  { pattern: /\[[^\]]*?\b((?:trusted|allow-insecure|allow-weak|allow-downgrade-to-insecure)=yes)\b[^\]]*\]/d, kind: 'signature' },
  { pattern: /\b(repo_)?gpgcheck\s*=\s*(0|false|no)\b/i, kind: 'signature' },
];

/** Settings written as two words: `npm config set strict-ssl false`, `git config http.sslVerify false`. */
const KEY_VALUE: Array<{ key: RegExp; off: RegExp; kind: CheckKind }> = [
  { key: /^(strict-ssl|enableStrictSsl|--strict-ssl)$/, off: /^false$/, kind: 'tls' },
  { key: /^http\.sslverify$/i, off: /^(false|0|no)$/i, kind: 'tls' },
  { key: /^(global\.)?trusted-host$/, off: /./, kind: 'tls' },
];

/** Environment variables that turn a check off, with the values that do. */
const INSECURE_ENV: Record<string, RegExp> = {
  NODE_TLS_REJECT_UNAUTHORIZED: /^0$/,
  GIT_SSL_NO_VERIFY: /^(?!(0|false|no)$)./i,
  PYTHONHTTPSVERIFY: /^0$/,
  PIP_TRUSTED_HOST: /./,
  NPM_CONFIG_STRICT_SSL: /^false$/i,
  YARN_ENABLE_STRICT_SSL: /^false$/i,
};

export function insecureEnv(name: string, value: string): boolean {
  const pattern = INSECURE_ENV[name] ?? INSECURE_ENV[name.toUpperCase()];
  return pattern !== undefined && pattern.test(value);
}

/** Packages the build made itself need no signature: `apk add --allow-untrusted ./x.apk`, `apk index`, a `file:` apt repository. */
function installsLocalPackages(invocation: Invocation): boolean {
  const call = packageManagerCall(invocation);
  if (call?.manager !== 'apk') return false;
  if (call.subcommand?.value === 'index') return true;
  return call.operands.length > 0 && call.operands.every((w) => /\.apk$/.test(w.value) && !/^[a-z]+:/.test(w.value));
}

function whole(word: ShellWord): { range: [number, number]; text: string } {
  return { range: word.range, text: word.value };
}

/** The part of the word's source that matches `pattern` (the whole word when the source hides it). */
function part(word: ShellWord, pattern: RegExp): { range: [number, number]; text: string } {
  const match = pattern.exec(word.text);
  if (!match) return whole(word);
  const [from, to] = match.indices?.[1] ?? [match.index, match.index + match[0].length];
  const text = word.text.slice(from, to).trim();
  const start = word.range[0] + from + word.text.slice(from, to).indexOf(text);
  return { range: [start, start + text.length], text };
}

export function disabledChecks(invocation: Invocation): DisabledCheck[] {
  const found: DisabledCheck[] = [];
  const flags = installsLocalPackages(invocation) ? [] : (FLAGS[invocation.program] ?? []);
  const call = packageManagerCall(invocation);
  const pip = call?.manager === 'pip';
  const args = invocation.args;
  args.forEach((word, i) => {
    const value = word.value;
    for (const flag of flags) {
      if (word.isStatic && value.startsWith('-') && optionMatches(value, flag.names)) {
        found.push({ ...whole(word), kind: flag.kind, removable: flag.names.includes(value) });
        return;
      }
    }
    if (pip && optionMatches(value, ['--trusted-host'])) {
      found.push({ ...whole(word), kind: 'tls', removable: false });
      return;
    }
    const setting = SETTINGS.find((s) => s.pattern.test(value));
    if (setting && !/\b(file|copy):/.test(value)) {
      found.push({ ...part(word, setting.pattern), kind: setting.kind, removable: false });
      return;
    }
    const next = args[i + 1];
    const pair = KEY_VALUE.find((kv) => kv.key.test(value) && next !== undefined && kv.off.test(next.value));
    if (pair && next) found.push({ range: [word.range[0], next.range[1]], text: `${value} ${next.value}`, kind: pair.kind, removable: false });
  });
  return found;
}
