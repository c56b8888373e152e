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

/** An LSP-style 0-based position, as dockerfile-ast reports them. */
export interface LspPosition {
  line: number;
  character: number;
}

export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** The same line splitting as dockerfile-ast (and vscode-languageserver-textdocument): \r\n, \r or \n. */
const LINE_BREAK = /\r\n|\r|\n/g;

export class PositionMapper {
  readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (const m of text.matchAll(LINE_BREAK)) this.lineStarts.push(m.index + m[0].length);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of a 0-based LSP position, clamped to its line. */
  offsetOfLsp(p: LspPosition): number {
    const start = this.lineStarts[p.line];
    if (start === undefined) return this.text.length;
    return Math.min(start + p.character, this.lineEnd(p.line));
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

  position(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /** Offset of a 1-based position. */
  offset(p: Position): number {
    const start = this.lineStarts[p.line - 1];
    if (start === undefined) return this.text.length;
    return start + p.column - 1;
  }

  span(start: number, end: number): Span {
    return { range: [start, end], loc: { start: this.position(start), end: this.position(end) } };
  }

  spanOfLsp(r: LspRange): Span {
    return this.span(this.offsetOfLsp(r.start), this.offsetOfLsp(r.end));
  }
}
