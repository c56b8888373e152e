import { isBlank, isNewline, type Extent, type Source, type Word } from './source.js';

/**
 * The words after an instruction's keyword. A word ends at unescaped whitespace; an escaped line
 * break joins lines (the word ends before the escape character when the next line starts with
 * whitespace); `#` lines after an escaped line break are comments; an escape character drops
 * itself and keeps the next character (`\$` keeps both).
 */
export function scanWords(src: Source, x: Extent): Word[] {
  const text = src.text;
  const base = src.at(x.keywordEnd);
  const limit = src.at(x.end);
  const words: Word[] = [];
  const esc = src.escapeChar;
  let lineStart = false;
  let comment = false;
  let found = -1;
  let blankAfterJoin = false;
  let joining = false;
  let marker = -1;
  // The value is built from runs of the source text: [runStart, runEnd) not yet added to `value`.
  let value = '';
  let runStart = 0;
  let runEnd = 0;
  const append = (from: number, to: number): void => {
    if (runEnd !== from) {
      value += text.slice(runStart, runEnd);
      runStart = from;
    }
    runEnd = to;
  };
  const take = (): string => {
    const taken = value + text.slice(runStart, runEnd);
    value = '';
    runStart = runEnd = 0;
    return taken;
  };
  const emit = (end: number): void => {
    words.push({ start: src.at(found), end: src.at(end), value: take() });
    found = -1;
  };
  const push = (end: number): void => {
    emit(end);
    marker = -1;
  };
  for (let i = base; i < limit; i++) {
    const c = text.charAt(i);
    if (isBlank(c)) {
      if (joining) {
        blankAfterJoin = true;
        if (isNewline(c)) {
          blankAfterJoin = false;
          if (comment) {
            comment = false;
            lineStart = true;
          }
        }
        continue;
      }
      if (found !== -1) push(marker === -1 ? i : marker);
    } else if (c === esc) {
      const next = i + 1 < limit ? text.charAt(i + 1) : '';
      if (next === ' ' || next === '\t') {
        for (let j = i + 2; j < limit; j++) {
          const d = text.charAt(j);
          if (d === ' ' || d === '\t') continue;
          if (isNewline(d)) {
            if (d === '\r') j++;
            comment = false;
            joining = true;
            lineStart = true;
            if (found !== -1) marker = i;
            i = j;
          } else {
            marker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === '\r' || next === '\n') {
        comment = false;
        joining = true;
        lineStart = true;
        if (found !== -1 && marker === -1) marker = i;
        i += next === '\r' ? 2 : 1;
      } else {
        if (blankAfterJoin && marker !== -1) emit(marker);
        marker = -1;
        blankAfterJoin = false;
        joining = false;
        if (next === '') break;
        append(next === '$' ? i : i + 1, i + 2);
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (lineStart && c === '#') {
        comment = true;
      } else {
        if (blankAfterJoin && marker !== -1) emit(marker);
        blankAfterJoin = false;
        joining = false;
        marker = -1;
        append(i, i + 1);
        if (found === -1) found = i;
      }
      lineStart = false;
    }
  }
  if (found !== -1) push(marker === -1 ? limit : marker);
  return words;
}

/**
 * The logical text of the words from `first` to `last`: the source lines they span, each from its
 * start, with escaped line breaks and comment lines left out.
 */
export function logicalText(src: Source, first: Word, last: Word): string {
  const text = src.text;
  const esc = src.escapeChar;
  if (src.sameLine(first.start, last.end)) return src.between(first.start, last.end);
  const offset = first.start;
  const limit = src.at(last.end);
  let out = '';
  let from: number | null = first.start;
  let end = -1;
  let comment = false;
  const flush = (): void => {
    if (from !== null) out += src.between(from, offset + end + 1);
  };
  for (let p = offset; p < limit; p++) {
    const c = text.charAt(p);
    const i = p - offset;
    if (c === esc) {
      const next = p + 1 < limit ? text.charAt(p + 1) : '';
      if (next === ' ' || next === '\t') {
        for (let q = p + 2; q < limit; q++) {
          const d = text.charAt(q);
          if (d === ' ' || d === '\t') continue;
          if (isNewline(d)) {
            if (d === '\r') q++;
            flush();
            from = null;
            comment = false;
            p = q;
          }
          break;
        }
      } else if (next === '\r' || next === '\n') {
        flush();
        from = null;
        comment = false;
        p += next === '\r' ? 2 : 1;
      } else {
        p++;
      }
    } else if (isNewline(c)) {
      if (comment) {
        from = null;
        comment = false;
      }
    } else if (!comment) {
      if (from === null) {
        if (c === '#') {
          comment = true;
          continue;
        }
        if (src.column(p) !== 0) from = src.lineStartOf(p);
      }
      end = i;
    }
  }
  if (from === null) out += src.between(offset + end, offset + end + 1);
  else flush();
  return out;
}

/** Heredoc name of a `<<NAME` word, or null when it cannot be one. */
export function heredocName(value: string): string | null {
  let v = value.substring(2);
  if (v.charAt(0) === '-') v = v.substring(1);
  if (v.charAt(0) === '"') {
    if (v.charAt(v.length - 1) !== '"') return null;
    v = v.substring(1, v.length - 1);
  }
  if (v.charAt(0) === "'") {
    if (v.charAt(v.length - 1) !== "'") return null;
    v = v.substring(1, v.length - 1);
  }
  return v.charAt(0) === '<' ? null : v;
}

/**
 * Where the bodies of the heredocs opened on an instruction's first line end: after each one's
 * delimiter line, in order (`<<-` anywhere lets every delimiter be indented with tabs).
 */
export function heredocsEnd(src: Source, words: readonly Word[], offset: number): number {
  const names: string[] = [];
  let tabbed = false;
  for (const w of words) {
    if (w.value.startsWith('<<') && w.value.length > 2) {
      if (w.value.startsWith('<<-')) tabbed = true;
      const name = heredocName(w.value);
      if (name !== null) names.push(name);
    }
  }
  for (const name of names) offset = delimiterLineEnd(src, name, offset, tabbed);
  return offset;
}

function delimiterLineEnd(src: Source, name: string, offset: number, tabbed: boolean): number {
  const text = src.text;
  let wordStart = -1;
  let atLineStart = true;
  for (let i = offset; i < src.length; i++) {
    const c = text.charAt(i);
    if (c === ' ') atLineStart = false;
    else if (c === '\t') {
      if (!tabbed) atLineStart = false;
    } else if (isNewline(c)) {
      if (wordStart !== -1 && i - wordStart === name.length && text.startsWith(name, wordStart)) return i;
      wordStart = -1;
      atLineStart = true;
    } else if (atLineStart) {
      wordStart = i;
      atLineStart = false;
    }
  }
  return src.length;
}
