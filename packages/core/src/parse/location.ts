/** Positions are 1-based (line and column); ranges are [start, end) UTF-16 offsets into the text. */
export interface Position {
  line: number;
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

export type Range = [number, number];

export interface Span {
  range: Range;
  loc: SourceLocation;
}

export class PositionMapper {
  readonly lineStarts: number[];
  private lastLine = 0;

  /** Line breaks are \r\n, \r or \n (as in LSP documents). */
  constructor(readonly text: string) {
    // Loops over character codes (a regular expression's match objects cost ~180 bytes a line),
    // counting the lines first: pushing one at a time copies a long table again and again.
    let count = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        count++;
      } else if (c === 10) count++;
    }
    const starts = new Array<number>(count);
    starts[0] = 0;
    let line = 1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts[line++] = i + 1;
      } else if (c === 10) starts[line++] = i + 1;
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just past the last character of 0-based line `line` (before its line break). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text[end - 1] === '\n') end--;
    if (this.text[end - 1] === '\r') end--;
    return end;
  }

  /** Index of the line `offset` is on. Parsers ask for nearby offsets in turn: try the last line found first. */
  lineIndex(offset: number): number {
    const starts = this.lineStarts;
    const last = this.lastLine;
    if ((starts[last] as number) <= offset && (last + 1 === starts.length || offset < (starts[last + 1] as number))) return last;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo;
  }

  position(offset: number): Position {
    const line = this.lineIndex(offset);
    return { line: line + 1, column: offset - (this.lineStarts[line] as number) + 1 };
  }

  /** Offset of a 1-based position. */
  offset(p: Position): number {
    const start = this.lineStarts[p.line - 1];
    if (start === undefined) return this.text.length;
    return start + p.column - 1;
  }

  loc(start: number, end: number): SourceLocation {
    return { start: this.position(start), end: this.position(end) };
  }

  span(start: number, end: number): Span {
    return { range: [start, end], loc: { start: this.position(start), end: this.position(end) } };
  }
}
