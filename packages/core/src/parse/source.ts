import type { Token } from './ast.js';
import { PositionMapper, type Range, type Span } from './location.js';

/** A word of an instruction: its source offsets and its value with escapes resolved. */
export interface Word {
  start: number;
  end: number;
  value: string;
}

/** One instruction as the scanner delimits it: keyword as written, its end, the instruction's end. */
export interface Extent {
  start: number;
  keywordEnd: number;
  end: number;
  /** The keyword as accumulated (escape characters of split keywords included). */
  word: string;
}

/**
 * The first line break (`\n`, or `\r` too unless `lfOnly`) at or after an index of `s`, or -1.
 * Remembers its last answer: asked in increasing order, all calls together scan `s` once.
 */
export function breakFinder(s: string, lfOnly: boolean): (from: number) => number {
  let lastFrom = Infinity;
  let found = -1;
  return (from) => {
    if (from >= lastFrom && (found === -1 || found >= from)) return found;
    lastFrom = from;
    found = -1;
    for (let i = Math.max(from, 0); i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10 || (!lfOnly && c === 13)) {
        found = i;
        break;
      }
    }
    return found;
  };
}

/**
 * A string made of pieces of `text`, in order. Adjacent pieces are joined before they are added,
 * so a string copied from the text with few characters left out is a few substrings, not a chain
 * of one string per character (which V8 keeps as a rope: memory for every character, kept as long
 * as the result is).
 */
export class TextBuilder {
  private built = '';
  private runStart = 0;
  private runEnd = 0;

  constructor(private readonly text: string) {}

  /** Adds `text[from, to)`. */
  take(from: number, to: number): void {
    if (from !== this.runEnd || this.runStart === this.runEnd) {
      this.flush();
      this.runStart = from;
    }
    this.runEnd = to;
  }

  /** Removes the last `count` characters added (all of them when there are fewer). */
  dropLast(count: number): void {
    if (count <= 0) return;
    if (count <= this.runEnd - this.runStart) {
      this.runEnd -= count;
      return;
    }
    this.flush();
    this.built = this.built.substring(0, this.built.length - count);
  }

  toString(): string {
    this.flush();
    return this.built;
  }

  private flush(): void {
    if (this.runStart !== this.runEnd) this.built += this.text.substring(this.runStart, this.runEnd);
    this.runStart = this.runEnd = 0;
  }
}

export const isNewline = (c: string): boolean => c === '\n' || c === '\r';
export const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The text being scanned, its escape character and offset/position helpers. */
export class Source {
  readonly pm: PositionMapper;
  readonly length: number;
  private readonly words = new Map<number, { end: number; keywordEnd: number; words: Word[] }>();

  constructor(
    readonly text: string,
    readonly escapeChar: string,
    pm?: PositionMapper,
  ) {
    this.pm = pm ?? new PositionMapper(text);
    this.length = text.length;
  }

  /**
   * An offset as a position of the text: clamped to the text, and moved before the `\r` when it
   * falls between the `\r` and `\n` of a CRLF (such an offset is not a place in any line).
   */
  at(offset: number): number {
    if (offset <= 0) return 0;
    if (offset >= this.length) return this.length;
    return this.text.charCodeAt(offset) === 10 && this.text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
  }

  /** Offset of (line of `offset`, `column`), the column clamped to that line's end (0-based column). */
  atColumn(offset: number, column: number): number {
    const line = this.pm.lineIndex(this.at(offset));
    const start = this.pm.lineStarts[line] as number;
    return Math.min(start + Math.max(column, 0), this.pm.lineEnd(line));
  }

  column(offset: number): number {
    return offset - this.lineStartOf(offset);
  }

  lineStartOf(offset: number): number {
    return this.pm.lineStarts[this.pm.lineIndex(this.at(offset))] as number;
  }

  sameLine(a: number, b: number): boolean {
    return this.pm.lineIndex(this.at(a)) === this.pm.lineIndex(this.at(b));
  }

  /** The words of an extent, computed once per parse for each [start, end). */
  wordsOf(x: Extent, scan: (src: Source, x: Extent) => Word[]): Word[] {
    const cached = this.words.get(x.start);
    if (cached && cached.end === x.end && cached.keywordEnd === x.keywordEnd) return cached.words;
    const words = scan(this, x);
    this.words.set(x.start, { end: x.end, keywordEnd: x.keywordEnd, words });
    return words;
  }

  /** `String.prototype.substring` of the text between two offsets (swapped when reversed). */
  between(a: number, b: number): string {
    return this.text.substring(this.at(a), this.at(b));
  }

  span(start: number, end: number): Span {
    return this.pm.span(start, end);
  }

  /** A token over [start, end); `value` defaults to the source text. */
  token(start: number, end: number, value?: string): Token {
    const s = this.at(start);
    const e = this.at(end);
    const text = this.text.slice(s, e);
    return { text, value: value ?? text, range: [s, e], loc: this.pm.loc(s, e) };
  }

  range(start: number, end: number): Range {
    return [this.at(start), this.at(end)];
  }
}
