/**
 * A variable's value at some point of the build: a string when it is known, `undefined` when it
 * is declared but its value comes from outside (an ARG without a default, a built-in platform ARG).
 */
export type VarValue = string | undefined;

/** Looks a name up; returns `null` when the name is not declared at all. */
export type VarLookup = (name: string) => VarValue | null;

export interface Expansion {
  /** The expanded text, or null when some variable's value is unknown. */
  value: string | null;
  /** Variables used that are not declared. */
  undeclared: string[];
  /** Every variable referenced. */
  referenced: string[];
}

export interface ExpandOptions {
  escapeChar?: string;
  /** Treat undeclared names as empty (FROM lines); otherwise they may come from the base image's ENV and are unknown. */
  undeclaredIsEmpty?: boolean;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Expand `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}` as Docker does
 * in Dockerfile instructions. `escapeChar` before `$` keeps it literal.
 */
export function expandVariables(
  text: string,
  lookup: VarLookup,
  { escapeChar = '\\', undeclaredIsEmpty = false }: ExpandOptions = {},
): Expansion {
  // Most words reference no variable: nothing to expand, nor to copy character by character.
  if (!text.includes('$')) return { value: text, undeclared: [], referenced: [] };
  const undeclared: string[] = [];
  const referenced: string[] = [];
  let unknown = false;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === escapeChar && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = findClosingBrace(text, i + 2);
      if (close === -1) {
        out += text.slice(i);
        break;
      }
      const inner = text.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([\s\S]*))?$/.exec(inner);
      i = close + 1;
      if (!m) {
        out += `\${${inner}}`;
        continue;
      }
      const name = m[1] as string;
      const op = m[2];
      referenced.push(name);
      const value = lookup(name);
      if (value === null) undeclared.push(name);
      if (value === null && !undeclaredIsEmpty) {
        unknown = true;
        continue;
      }
      if (!op) {
        if (value === undefined) unknown = true;
        else out += value ?? '';
        continue;
      }
      const word = expandVariables(m[3] ?? '', lookup, { escapeChar, undeclaredIsEmpty });
      referenced.push(...word.referenced);
      undeclared.push(...word.undeclared);
      if (value === undefined) {
        unknown = true;
        continue;
      }
      const set = op.startsWith(':') ? value !== null && value !== '' : value !== null;
      const useWord = op.endsWith('-') ? !set : set;
      if (useWord) {
        if (word.value === null) unknown = true;
        else out += word.value;
      } else if (op.endsWith('-')) {
        out += value ?? '';
      }
      continue;
    }
    NAME.lastIndex = i + 1;
    const m = NAME.exec(text);
    if (!m) {
      out += '$';
      i++;
      continue;
    }
    const name = m[0];
    referenced.push(name);
    const value = lookup(name);
    if (value === null) {
      undeclared.push(name);
      if (!undeclaredIsEmpty) unknown = true;
    } else if (value === undefined) unknown = true;
    else out += value;
    i += 1 + name.length;
  }
  return { value: unknown ? null : out, undeclared, referenced };
}

function findClosingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Build-platform ARGs that BuildKit defines automatically in the global scope. */
export const AUTOMATIC_PLATFORM_ARGS = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
] as const;

/** Predefined proxy ARGs, usable without a declaration. */
export const PREDEFINED_ARGS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
] as const;
