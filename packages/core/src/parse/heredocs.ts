import type { HeredocNode } from './ast.js';
import { breakFinder, isNewline, TextBuilder, type Extent, type Source, type Word } from './source.js';
import { heredocName } from './words.js';

interface RawHeredoc {
  opener: Word;
  name: string;
  nameStart: number;
  nameEnd: number;
  content: [number, number] | null;
  delimiter: [number, number] | null;
}

/** The heredocs of an instruction: opened by `<<` words on its first line, bodies on the lines after. */
export function heredocNodes(src: Source, x: Extent, words: readonly Word[]): HeredocNode[] {
  return rawHeredocs(src, x, words).map((h) => {
    const content = h.content ? src.range(h.content[0], h.content[1]) : null;
    const end = h.delimiter ? src.at(h.delimiter[1]) : content ? content[1] : src.at(h.nameEnd);
    const start = src.at(h.opener.start);
    const opener = src.text.slice(start, src.at(h.nameStart));
    const last = opener.charAt(opener.length - 1);
    return {
      type: 'Heredoc' as const,
      name: h.name,
      nameToken: src.token(h.nameStart, h.nameEnd, h.name),
      content: content ? src.text.slice(content[0], content[1]) : null,
      contentRange: content,
      stripTabs: opener.includes('<<-'),
      quoted: last === '"' || last === "'",
      ...src.span(start, end),
    };
  });
}

function unterminated(src: Source, words: readonly Word[]): RawHeredoc[] {
  const out: RawHeredoc[] = [];
  for (const w of words) {
    if (w.value.startsWith('<<') && heredocName(w.value) !== null) out.push(named(src, w, null, null));
  }
  return out;
}

function named(src: Source, opener: Word, content: [number, number] | null, delimiter: [number, number] | null): RawHeredoc {
  const [nameStart, nameEnd] = nameRange(src, opener);
  return { opener, name: nameText(src, nameStart, nameEnd), nameStart, nameEnd, content, delimiter };
}

function rawHeredocs(src: Source, x: Extent, words: readonly Word[]): RawHeredoc[] {
  const first = words[0];
  if (!first) return [];
  // Only a word that starts with `<<` opens a heredoc: most instructions have none to look for.
  if (!words.some((w) => w.value.startsWith('<<'))) return [];
  if (src.sameLine(x.start, x.end)) return unterminated(src, words);
  const text = src.text;
  const esc = src.escapeChar;
  const openers: Word[] = [];
  const out: RawHeredoc[] = [];
  let bodies = false;
  let escaping = false;
  let contentStart = -1;
  let contentEnd = -1;
  let lineStart = -1;
  let current = 0;
  // The name of the heredoc whose body is being read, found once rather than on every body line.
  let namedOpener: RawHeredoc | null = null;
  const base = first.start;
  const limit = src.at(x.end);
  const nextNewline = breakFinder(text, true);
  scan: for (let p = base; p < limit; p++) {
    const c = text.charAt(p);
    const i = p - base;
    if (c === esc) {
      escaping = true;
      for (let q = p + 1; q < limit; q++) {
        const d = text.charAt(q);
        if (d === ' ' || d === '\t') continue;
        p = d === '\r' ? q + 1 : q;
        continue scan;
      }
      continue;
    }
    if (c === '\r') continue;
    if (c === '\n') {
      if (escaping) continue;
      if (bodies) {
        if (contentStart === -1) contentStart = i;
        contentEnd = i;
        // More body lines after every heredoc closed: dockerfile-ast throws here; they are ignored.
        const opener = openers[current];
        if (opener && namedOpener?.opener !== opener) namedOpener = named(src, opener, null, null);
        const delimiter = opener && namedOpener ? delimiterRange(src, opener, namedOpener.name, base + lineStart, base + i) : null;
        if (namedOpener && delimiter !== null) {
          out.push({ ...namedOpener, content: [src.at(base + contentStart), src.at(base + lineStart - 1)], delimiter });
          contentStart = -1;
          current++;
        }
        lineStart = -1;
      } else {
        for (const w of words) {
          if (w.start >= base + i) break;
          if (w.value.startsWith('<<')) openers.push(w);
        }
        bodies = true;
        lineStart = -1;
      }
      continue;
    }
    if ((c === ' ' || c === '\t') && escaping) continue;
    if (c === '#' && escaping) {
      const q = nextNewline(p + 1);
      if (q !== -1 && q < limit) {
        p = q;
        continue;
      }
    }
    escaping = false;
    if (bodies) {
      if (contentStart === -1) contentStart = i;
      if (lineStart === -1) lineStart = i;
    }
  }
  if (!bodies) return unterminated(src, words);
  const opener = openers[current];
  if (opener) {
    const last = named(src, opener, null, null);
    last.delimiter = delimiterRange(src, opener, last.name, base + lineStart, limit);
    if (last.delimiter === null) last.content = [src.at(base + contentStart), limit];
    else if (contentEnd !== -1) last.content = [src.at(base + contentStart), src.at(base + contentEnd)];
    out.push(last);
  }
  for (current++; current < openers.length; current++) out.push(named(src, openers[current] as Word, null, null));
  return out;
}

/** The delimiter line [start, end) when it closes the heredoc `opener` opened, else null. */
function delimiterRange(src: Source, opener: Word, name: string, start: number, end: number): [number, number] | null {
  const text = src.text;
  const from = Math.min(src.at(start), src.at(end));
  const to = Math.max(src.at(start), src.at(end));
  const dashed = opener.value.startsWith('<<-');
  let tabs = 0;
  if (dashed) while (from + tabs < to && text.charCodeAt(from + tabs) === 9) tabs++;
  // Compared in place rather than as a substring: this is asked for every line of every body.
  if (to - from - tabs !== name.length || !text.startsWith(name, from + tabs)) return null;
  return dashed ? [src.atColumn(start, tabs), src.at(end)] : [src.at(start), src.at(end)];
}

/** Where the name of a `<<NAME` word is: after `<<` or `<<-`, inside quotes when quoted. */
function nameRange(src: Source, opener: Word): [number, number] {
  const text = src.text;
  const esc = src.escapeChar;
  const from = src.at(opener.start);
  const to = src.at(opener.end);
  let opened = false;
  let dash = false;
  let start = -1;
  let end = -1;
  let escaping = false;
  let quote: string | null = null;
  const nextNewline = breakFinder(text, true);
  const newlineAfter = (p: number): number => {
    const q = nextNewline(p + 1);
    return q < to ? q : -1;
  };
  scan: for (let p = from; p < to; p++) {
    const c = text.charAt(p);
    if (c === '"' || c === "'") {
      if (quote === c) break;
      quote = c;
      continue;
    }
    if (c === esc) {
      if (newlineAfter(p) !== -1) escaping = true;
      continue;
    }
    if (c === ' ' || c === '\t' || isNewline(c)) continue;
    if (c === '<') {
      if (opened) dash = true;
      else opened = true;
      continue;
    }
    if (c === '-' && dash) {
      dash = false;
      continue;
    }
    if ((c === '-' || c === '#') && escaping) {
      const q = newlineAfter(p);
      if (q !== -1) {
        p = q;
        continue scan;
      }
    }
    if (start === -1) start = p - from;
    if (quote === null) break;
    end = p - from + 1;
  }
  if (start === -1) return [to, to];
  return [src.at(from + start), quote !== null ? src.at(from + end) : to];
}

/** The heredoc name as written between its range's ends, escaped line breaks and comments left out. */
function nameText(src: Source, start: number, end: number): string {
  const content = src.between(start, end);
  const esc = src.escapeChar;
  const nextNewline = breakFinder(content, true);
  let escaping = false;
  const name = new TextBuilder(content);
  scan: for (let i = 0; i < content.length; i++) {
    const c = content.charAt(i);
    if (c === esc) {
      escaping = true;
      for (let j = i + 1; j < content.length; j++) {
        const d = content.charAt(j);
        if (d === ' ' || d === '\t') continue;
        if (d === '\r') i = j + 1;
        else if (d === '\n') i = j;
        else {
          name.take(j, j + 1);
          i = j;
        }
        continue scan;
      }
      continue;
    }
    if (c === '#' && escaping) {
      const j = nextNewline(i + 1);
      if (j !== -1) {
        i = j;
        continue;
      }
    }
    if ((c === '#' || c === ' ' || c === '\t' || isNewline(c)) && escaping) continue;
    name.take(i, i + 1);
  }
  return name.toString();
}
