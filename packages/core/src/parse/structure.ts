import { isNewline, TextBuilder, type Extent, type Source } from './source.js';

/** A `# name=value` line at the top of the file, as offsets. */
export interface RawDirective {
  hash: number;
  lineEnd: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * The parser directives: `# name=value` lines at the very top, one per line, each name a word and
 * each value the first word after `=`. A blank line, an instruction or a comment line without `=`
 * ends them; so does trailing whitespace after a value.
 */
export function scanDirectives(text: string): RawDirective[] {
  const directives: RawDirective[] = [];
  const length = text.length;
  top: for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < length; i++) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t') continue;
    if (c !== '#') break;
    let nameStart = -1;
    let nameEnd = -1;
    for (let j = i + 1; j < length; j++) {
      const d = text.charAt(j);
      if (d === ' ' || d === '\t') {
        if (nameStart !== -1 && nameEnd === -1) nameEnd = j;
        continue;
      }
      if (isNewline(d)) break top;
      if (d !== '=') {
        if (nameStart === -1) nameStart = j;
        continue;
      }
      if (nameEnd === -1) nameEnd = j;
      let valueStart = -1;
      let valueEnd = -1;
      let lineEnd = length;
      for (let k = j + 1; k < length; k++) {
        const v = text.charAt(k);
        if (isNewline(v)) {
          if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
          lineEnd = k;
          break;
        }
        if (v === ' ' || v === '\t') {
          if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
        } else if (valueStart === -1) valueStart = k;
      }
      if (nameStart === -1) break top;
      if (valueStart === -1) {
        valueStart = j + 1;
        valueEnd = lineEnd;
      } else if (valueEnd === -1) valueEnd = length;
      directives.push({ hash: i, lineEnd, nameStart, nameEnd, valueStart, valueEnd });
      i = text.charAt(valueEnd) === '\r' ? valueEnd + 1 : valueEnd;
      continue top;
    }
    // `#` and no `=` before the end of the file: not a directive, and none can follow.
    break;
  }
  return directives;
}

/** The escape character the first valid `escape` directive sets, else backslash. */
export function escapeOf(text: string, directives: readonly RawDirective[]): '\\' | '`' {
  for (const d of directives) {
    if (text.slice(d.nameStart, d.nameEnd).toLowerCase() !== 'escape') continue;
    const value = text.slice(d.valueStart, d.valueEnd);
    if (value === '\\' || value === '`') return value;
  }
  return '\\';
}

/** What the line scanner found: instructions (with their heredoc bodies) and comment lines. */
export interface Layout {
  instructions: Extent[];
  comments: Array<[number, number]>;
}

/**
 * Split the text after the directives into instructions and comments. `bodyEnd` tells where the
 * heredoc bodies of an instruction end, given the offset of its first line's end.
 */
export function scanLayout(src: Source, from: number, bodyEnd: (x: Extent) => number): Layout {
  const layout: Layout = { instructions: [], comments: [] };
  const text = src.text;
  for (let i = from; i < src.length; i++) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || isNewline(c)) continue;
    i = c === '#' ? comment(src, layout, i) : instruction(src, layout, i, bodyEnd);
  }
  return layout;
}

function comment(src: Source, layout: Layout, start: number): number {
  let end = src.length;
  for (let i = start + 1; i < src.length; i++) {
    if (isNewline(src.text.charAt(i))) {
      end = i;
      break;
    }
  }
  layout.comments.push([start, end]);
  return end;
}

/** Skip blanks from `from`; the offset of the line break reached first, or -1 (a word or the end came first). */
function breakAfterBlanks(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charAt(j);
    if (c === ' ' || c === '\t') continue;
    return isNewline(c) ? j : -1;
  }
  return -1;
}

function instruction(src: Source, layout: Layout, start: number, bodyEnd: (x: Extent) => number): number {
  const text = src.text;
  const esc = src.escapeChar;
  // The keyword as accumulated: built from runs of the text, not a string per character (a long
  // first word would be a rope of one string per character).
  const keyword = new TextBuilder(text);
  keyword.take(start, start + 1);
  let keywordEnd = -1;
  let joined = false;
  const add = (end: number, kwEnd: number): void => {
    layout.instructions.push({ start, keywordEnd: kwEnd, end, word: keyword.toString() });
  };
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === esc) {
      joined = true;
      const next = text.charAt(i + 1);
      if (isNewline(next)) {
        if (keywordEnd === -1) keywordEnd = i;
        i++;
      } else if (next === ' ' || next === '\t') {
        let j = i + 2;
        while (j < text.length && (text.charAt(j) === ' ' || text.charAt(j) === '\t')) j++;
        if (j < text.length && isNewline(text.charAt(j))) {
          i = j;
          continue;
        }
        keywordEnd = i + 1;
        keyword.take(i, i + 1);
        if (j >= text.length) {
          add(text.length, keywordEnd);
          return text.length;
        }
        i = j - 2;
      } else {
        keywordEnd = i + 1;
        keyword.take(i, i + 1);
        joined = false;
      }
      continue;
    }
    if (c === ' ' || c === '\t') {
      // After an escaped line break, a line of blanks continues the keyword's line.
      const nl = joined ? breakAfterBlanks(text, i + 1) : -1;
      if (nl !== -1) {
        i = nl;
        continue;
      }
      if (keywordEnd === -1) keywordEnd = i;
      const end = argumentsEnd(src, layout, { start, keywordEnd, end: i, word: keyword.toString() }, i, bodyEnd);
      add(end, keywordEnd);
      return end;
    }
    if (isNewline(c)) {
      if (joined) continue;
      if (keywordEnd === -1) keywordEnd = i;
      add(i, keywordEnd);
      return i;
    }
    if (c === '#' && joined) continue;
    keywordEnd = i + 1;
    keyword.take(i, i + 1);
    joined = false;
  }
  add(text.length, keywordEnd === -1 ? text.length : keywordEnd);
  return text.length;
}

/**
 * Where the instruction's arguments end: the first line break not escaped, then past the heredoc
 * bodies. Comment lines inside continuations are recorded on the way.
 */
function argumentsEnd(src: Source, layout: Layout, x: Extent, offset: number, bodyEnd: (x: Extent) => number): number {
  const text = src.text;
  const esc = src.escapeChar;
  let joined = false;
  for (let i = offset + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (isNewline(c)) {
      if (joined) continue;
      return bodyEnd({ ...x, end: i });
    }
    if (c === esc) {
      const next = text.charAt(i + 1);
      if (isNewline(next)) {
        joined = true;
        i++;
      } else if (next === ' ' || next === '\t') {
        let j = i + 2;
        while (j < text.length && (text.charAt(j) === ' ' || text.charAt(j) === '\t')) j++;
        if (j >= text.length) return text.length;
        if (isNewline(text.charAt(j))) joined = true;
        i = j;
      }
      continue;
    }
    if (c === '#') {
      if (joined) i = comment(src, layout, i);
      continue;
    }
    if (c !== ' ' && c !== '\t') joined = false;
  }
  return text.length;
}
