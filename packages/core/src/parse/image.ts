import type { ImageRefNode, Token } from './ast.js';
import { breakFinder, TextBuilder, type Source, type Word } from './source.js';

const isNameChar = (c: string): boolean => /^[a-z0-9_]$/i.test(c);

/**
 * [start, end) of each `$NAME` / `${...}` in a raw word, relative to it, as one flat list
 * `[start0, end0, start1, end1, ...]` (a pair per variable would be an allocation per variable).
 */
function variableSpans(raw: string, esc: string): number[] {
  const spans: number[] = [];
  const newlineAfter = breakFinder(raw, true);
  scan: for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === esc) {
      if (raw.charAt(i + 1) === '$') i++;
      continue;
    }
    if (c !== '$') continue;
    if (raw.charAt(i + 1) === '{') {
      for (let j = i + 2; j < raw.length; j++) {
        const d = raw.charAt(j);
        if (d === esc) {
          const nl = newlineAfter(j + 1);
          if (nl !== -1) j = nl;
        } else if (d === '}') {
          spans.push(i, j + 1);
          i = j;
          continue scan;
        }
      }
      break;
    }
    const next = raw.charAt(i + 1);
    if (next === ' ' || next === '\t' || next === '\r' || next === '\n' || i === raw.length - 1) continue;
    for (let j = i + 1; j < raw.length; j++) {
      const d = raw.charAt(j);
      if (d === ' ' || d === '\t' || d === '\r' || d === '\n') continue;
      if (d === esc) {
        const nl = newlineAfter(j + 1);
        if (nl !== -1) {
          j = nl;
          continue;
        }
        spans.push(i, j);
        break scan;
      }
      if (d === '$' || d === "'" || d === '"' || !isNameChar(d)) {
        spans.push(i, j);
        i = j - 1;
        continue scan;
      }
    }
    spans.push(i, raw.length);
    break;
  }
  return spans;
}

/**
 * A FROM image word split into registry, name, tag and digest. `:`, `@`, `/` and `.` inside
 * variables do not count.
 */
export function imageRef(src: Source, word: Word): ImageRefNode {
  const S = word.start;
  const E = word.end;
  const content = src.between(S, E);
  const spans = variableSpans(content, src.escapeChar);
  /** The end of the variable strictly around `index`, or -1 (spans are sorted and disjoint: a binary search). */
  const variableEnd = (index: number): number => {
    let low = 0;
    let high = spans.length >>> 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((spans[2 * middle] as number) < index) low = middle + 1;
      else high = middle;
    }
    if (low === 0) return -1;
    const end = spans[2 * low - 1] as number;
    return index < end ? end : -1;
  };
  // Searches resume from an offset rather than in a substring: one search per variable skipped,
  // each over the rest of the text only, so a word full of variables is read once (not once per variable).
  const indexOf = (within: string, s: string): number => {
    let index = within.indexOf(s);
    for (let end = variableEnd(index); end !== -1; end = variableEnd(index)) {
      index = within.indexOf(s, end);
      if (index === -1) return -1;
    }
    return index;
  };
  const lastIndexOf = (s: string): number => {
    let index = content.lastIndexOf(s);
    while (variableEnd(index) !== -1) {
      index = index < s.length ? -1 : content.lastIndexOf(s, index - s.length);
      if (index === -1) return -1;
    }
    return index;
  };
  const at = indexOf(content, '@');
  const slash = content.indexOf('/');
  let tag: [number, number] | null = null;
  const colon = at === -1 ? lastIndexOf(':') : -1;
  if (at === -1 && colon > slash) tag = [src.at(S + colon + 1), E];
  else {
    const sub = content.substring(0, at);
    const subColon = sub.indexOf(':');
    if (subColon !== -1) {
      if (slash === -1) tag = [src.at(S + subColon + 1), src.at(S + at)];
      else if (subColon >= slash) tag = [src.at(S + subColon + 1), src.at(S + sub.length)];
    }
  }
  const digestAt = lastIndexOf('@');
  const digest: [number, number] | null = digestAt === -1 ? null : [src.atColumn(S, src.column(S) + digestAt + 1), E];
  let nameEnd = E;
  if (tag) nameEnd = src.at(tag[0] - 1);
  else if (digest) nameEnd = src.at(digest[0] - 1);
  let registry: [number, number] | null = null;
  const beforeTag = src.between(S, nameEnd);
  const regSlash = indexOf(beforeTag, '/');
  if (regSlash !== -1) {
    const local = beforeTag.substring(0, regSlash) === 'localhost';
    if (indexOf(beforeTag, ':') !== -1 || indexOf(beforeTag, '.') !== -1 || local) registry = [S, src.at(S + regSlash)];
  }
  const nameStart = registry ? src.at(registry[1] + 1) : S;
  const part = (r: [number, number] | null): Token | null => (r ? src.token(r[0], r[1], src.between(r[0], r[1])) : null);
  return {
    ...src.token(S, E, word.value),
    registry: part(registry),
    name: src.token(nameStart, nameEnd, imageName(src.between(nameStart, nameEnd), src.escapeChar)),
    tag: part(tag),
    digest: part(digest),
  };
}

/** The image name as written, escaped line breaks and comment lines inside them left out. */
function imageName(raw: string, esc: string): string {
  let commented = false;
  let escaped = false;
  const name = new TextBuilder(raw);
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === esc) escaped = true;
    else if (c === '\n') commented = false;
    else if (c === '\r' || c === ' ' || c === '\t') continue;
    else if (c === '#') {
      if (escaped) commented = true;
      else {
        name.take(i, i + 1);
        escaped = false;
      }
    } else if (!commented) {
      name.take(i, i + 1);
      escaped = false;
    }
  }
  return name.toString();
}
