import type { Range } from './location.js';
import type { ShellAssignment, ShellCommand, ShellRedirect, ShellScript, ShellWord } from './shell.js';

/*
 * A hand-written shell parser for the scripts of RUN instructions. It gives exactly the
 * `ShellScript` that tree-sitter-bash and the `CommandCollector` of shell.ts give, for the
 * scripts it accepts, and returns null for anything it does not model exactly: the caller then
 * falls back to tree-sitter. Its aim is the common shape of Dockerfile scripts (simple commands,
 * quotes, expansions, `&&` chains, pipelines, redirects, `$( … )`, `if`/`for`/`while`/`case`,
 * `[ … ]`, `{ …; }`, `( … )`, `export`), parsed in one pass over the character codes.
 *
 * It reproduces tree-sitter's reading, not bash's, where the two differ: a line continuation
 * splits a word in two, a bare `$` is not an argument, `x$` has the static value `x`, redirects
 * after a list wrap the whole list, and so on; each case is commented where it is handled. The
 * differential test (test/shell-fast-differential.test.ts) compares both parsers on every script
 * of the corpus and on random text.
 */

/** Parse `text` (a RUN body with its continuations, or a heredoc body), or null when the fast parser does not handle it. */
export function parseShellFast(text: string): ShellScript | null {
  try {
    return parseOrThrow(text);
  } catch (error) {
    // A script nested deeper than the call stack allows (`a && b && …` thousands long) is left to
    // tree-sitter, which does not recurse.
    if (error instanceof Unsupported || error instanceof RangeError) return null;
    throw error;
  }
}

/** Why `parseShellFast` returns null for `text`, and where (for tests and measurements), or null when it parses it. */
export function shellFastRejection(text: string): { reason: string; at: number } | null {
  try {
    parseOrThrow(text);
    return null;
  } catch (error) {
    if (error instanceof Unsupported) return { reason: error.message, at: error.at };
    throw error;
  }
}

function parseOrThrow(text: string): ShellScript {
  const parser = new ShellParser(text);
  let statements: Statement[];
  try {
    statements = parser.program();
  } catch (error) {
    if (error instanceof Unsupported) error.at = parser.position;
    throw error;
  }
  const collector = new Collector(text);
  for (const statement of statements) collector.visit(statement, false, false, null);
  return { offset: 0, text, commands: collector.commands, hasError: false, pipelines: collector.pipelines };
}

/** Thrown when the input has something the fast parser does not model exactly. */
class Unsupported extends Error {
  /** Where the parser was. */
  at = -1;
}

function unsupported(reason: string): never {
  throw new Unsupported(reason);
}

// ---------------------------------------------------------------------------------------------
// The tree: only what the collector needs, with tree-sitter's nesting where it matters.

/** A `$( … )` or backquote command substitution. */
interface Substitution {
  statements: Statement[];
}

interface Word {
  start: number;
  end: number;
  /** The value after quote removal, or null when the word has an expansion or substitution. */
  value: string | null;
  /** The substitutions in the word (not those nested inside them), in source order. */
  substitutions: Substitution[];
  /** The word is one substitution and nothing else (tree-sitter's node is then the substitution itself). */
  isSubstitution: boolean;
}

interface Assignment {
  kind: 'assignment';
  name: string;
  value: Word | null;
  start: number;
  end: number;
}

interface Redirect {
  kind: 'redirect';
  operator: string;
  descriptor: string | null;
  /** The destination words: tree-sitter gives a redirect after a command every word up to the next operator. */
  targets: Word[];
  start: number;
  end: number;
}

interface Command {
  kind: 'command';
  /** Assignments and redirects before the name. */
  prefix: Array<Assignment | Redirect>;
  name: Word;
  args: Word[];
  start: number;
  end: number;
}

/** tree-sitter's redirected_statement: a statement (or nothing) followed by redirects. */
interface Redirected {
  kind: 'redirected';
  body: Statement | null;
  redirects: Redirect[];
  start: number;
  end: number;
}

interface Pipeline {
  kind: 'pipeline';
  items: Statement[];
}

/** `a && b`, `a || b`. */
interface List {
  kind: 'list';
  left: Statement;
  right: Statement;
}

/** Any other node (compound statements, if, for, case, tests, declarations, `!`): its parts in source order. */
interface Group {
  kind: 'group';
  /** `( … )`: the commands inside run in a subshell. */
  subshell: boolean;
  items: Array<Statement | Word>;
}

type Statement = Command | Redirected | Assignment | Pipeline | List | Group;

const isWord = (item: Statement | Word): item is Word => !('kind' in item);

// ---------------------------------------------------------------------------------------------
// Character codes.

const EOF = -1;
const TAB = 9;
const NL = 10;
const VT = 11;
const FF = 12;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const AMP = 38;
const SQUOTE = 39;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const SEMI = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const CARET = 94;
const UNDERSCORE = 95;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

const isDigit = (c: number): boolean => c >= DIGIT_0 && c <= DIGIT_9;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** ASCII `\w`. */
const isWordChar = (c: number): boolean => isAlpha(c) || isDigit(c) || c === UNDERSCORE;
/** Whitespace other than the line break (tree-sitter skips it between tokens; `\r` included). */
const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === CR || c === VT || c === FF;
/** Characters that end an unquoted word and are operators or separators. */
const isWordEnd = (c: number): boolean =>
  c === EOF || isBlank(c) || c === NL || c === SEMI || c === AMP || c === PIPE || c === LT || c === GT || c === LPAREN || c === RPAREN;
/** tree-sitter's `_special_character`: a word of its own inside a concatenation. */
const isSpecialCharacter = (c: number): boolean => c === LBRACE || c === RBRACE || c === LBRACKET || c === RBRACKET;
/** Characters that end a run of plain word characters (the `word` token's SPECIAL_CHARACTERS). */
const endsLiteral = (c: number): boolean =>
  isWordEnd(c) || c === SQUOTE || c === DQUOTE || c === DOLLAR || c === BACKTICK || c === BACKSLASH || isSpecialCharacter(c);
/** `$*`, `$@`, `$?`, `$!`, `$#`, `$-`, `$$` (tree-sitter's `_special_variable_name`; `$_` and `$0` are `\w`). */
const isSpecialParameter = (c: number): boolean =>
  c === STAR || c === AT || c === QUESTION || c === BANG || c === HASH || c === MINUS || c === DOLLAR;

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function']);
const DECLARATIONS = new Set(['declare', 'typeset', 'export', 'readonly', 'local']);
const UNSETS = new Set(['unset', 'unsetenv']);

/** What ends a list of statements (checked where a statement could start). */
type Closer =
  | { kind: 'end' }
  | { kind: 'paren' }
  | { kind: 'brace' }
  | { kind: 'keywords'; words: ReadonlySet<string> }
  | { kind: 'caseItem' };

const END: Closer = { kind: 'end' };
const PAREN: Closer = { kind: 'paren' };
const BRACE: Closer = { kind: 'brace' };
const CASE_ITEM: Closer = { kind: 'caseItem' };
const keywords = (...words: string[]): Closer => ({ kind: 'keywords', words: new Set(words) });
const THEN = keywords('then');
const IF_BODY = keywords('elif', 'else', 'fi');
const ELSE_BODY = keywords('fi');
const DO = keywords('do');
const DONE = keywords('done');

/** How a word is used: some positions allow less than an argument does. */
const enum WordUse {
  Name,
  Argument,
  Value,
  Target,
  ForItem,
  CaseValue,
  Pattern,
  Test,
  Declaration,
}

// ---------------------------------------------------------------------------------------------
// The parser: recursive descent over the character codes, one pass.

class ShellParser {
  private pos = 0;
  /** Where parsing stops: the end of the text, or the closing backquote of the substitution being parsed. */
  private end: number;
  /**
   * Whether the and-or list being parsed (or just parsed) has a pipeline of three or more
   * commands: tree-sitter's grammar is ambiguous there (its `[$.pipeline]` conflict), and which
   * tree it keeps depends on what follows.
   */
  private longPipeline = false;
  /** The number of backquote substitutions parsed. */
  private backquotes = 0;
  /** Whether the last blanks skipped had a line continuation or a backslash-blank. */
  private continued = false;
  /** Where the last blanks skipped end when tree-sitter's external scanner fails on them, or -1. */
  private scannerSkipEnd = -1;

  constructor(private readonly text: string) {
    this.end = text.length;
  }

  get position(): number {
    return this.pos;
  }

  program(): Statement[] {
    const { statements } = this.statements(END);
    if (this.pos < this.end) unsupported('unexpected token');
    // With a backquote substitution, tree-sitter's scanner looks ahead for backquotes: any other
    // backquote (escaped, quoted, in a comment) may pair with it.
    if (this.backquotes > 0) {
      let count = 0;
      for (let at = this.text.indexOf('`'); at >= 0; at = this.text.indexOf('`', at + 1)) count++;
      if (count !== 2 * this.backquotes) unsupported('backquote outside a substitution');
    }
    return statements;
  }

  private code(at = this.pos): number {
    return at < this.end ? this.text.charCodeAt(at) : EOF;
  }

  // -- separators -------------------------------------------------------------------------------

  /** The length of a line continuation at `at` (`\` + LF or CRLF), or 0. */
  private continuation(at: number): number {
    if (this.code(at) !== BACKSLASH) return 0;
    const next = this.code(at + 1);
    if (next === NL) return 2;
    if (next === CR && this.code(at + 2) === NL) return 3;
    return 0;
  }

  /**
   * Skip what tree-sitter skips between tokens on a line: blanks, line continuations and a
   * backslash before a blank (its `extras`; bash would read `\ ` as an escaped space).
   */
  private skipBlanks(): void {
    let continued = false;
    let backslashBlank = false;
    // A continuation right after a word makes tree-sitter's `_concat` scan fail past the backslash.
    const before = this.code(this.pos - 1);
    let scannerSkipped = this.continuation(this.pos) > 0 && before !== EOF && (before === RPAREN || !isWordEnd(before));
    for (;;) {
      const c = this.code();
      if (isBlank(c)) {
        this.pos++;
      } else if (c === BACKSLASH) {
        const next = this.code(this.pos + 1);
        if (next === NL) {
          this.pos += 2;
        } else if (next === CR && this.code(this.pos + 2) === NL) {
          this.pos += 3;
        } else if (next === SPACE || next === TAB || next === VT || next === FF) {
          // Skipped by tree-sitter, but right after a line break it makes it miss the line break.
          const before = this.code(this.pos - 1);
          if (before !== SPACE && before !== TAB) unsupported('backslash-blank after a line break');
          this.pos += 2;
          scannerSkipped = true;
          backslashBlank = true;
          continue;
        } else {
          break;
        }
        continued = true;
      } else {
        break;
      }
    }
    // tree-sitter fails on a line continuation (or backslash-blank) with nothing after it.
    if ((continued || backslashBlank) && this.code() === EOF) unsupported('line continuation at the end');
    // A line continuation before an empty line: tree-sitter may not end the command at the line
    // break when a redirect or a lone `$` comes next.
    if (continued && this.code() === NL) unsupported('line continuation before an empty line');
    this.scannerSkipEnd = scannerSkipped ? this.pos : -1;
    this.continued = continued || backslashBlank;
  }

  /**
   * Whether tree-sitter's external scanner fails on the blanks just skipped (a backslash-blank
   * among them, or a line continuation right after a word): then `\ A=1` is not an assignment,
   * nor `\ 2>f` a descriptor, nor `\ $` a bare dollar, nor `-f` a test operator.
   */
  private scannerSkipped(): boolean {
    return this.scannerSkipEnd === this.pos;
  }

  /** Skip blanks, line breaks and comments: where a statement may start. */
  private skipLines(): void {
    // The scanner skips line breaks here too: a backslash-blank before them counts after them.
    let scannerSkipped = false;
    let continued = false;
    for (;;) {
      this.skipBlanks();
      scannerSkipped ||= this.scannerSkipped();
      continued ||= this.continued;
      const c = this.code();
      if (c === NL) {
        this.lineBreak();
      } else if (c === HASH) {
        this.skipComment();
        scannerSkipped = false;
      } else {
        // Where a statement may start, a line continuation followed by blank lines only fails too.
        if (continued && c === EOF) unsupported('line continuation before blank lines at the end');
        this.scannerSkipEnd = scannerSkipped ? this.pos : -1;
        return;
      }
    }
  }

  /** Move past a line break (a terminator, or a blank line). */
  private lineBreak(): void {
    this.pos++;
    // tree-sitter does not end a command at a line break right before a backslash (an escape or
    // a line continuation): the next line goes on with arguments.
    if (this.code() === BACKSLASH) unsupported('backslash after a line break');
  }

  /** A comment runs to the end of the line; inside backquotes it would run past the closing one. */
  private skipComment(): void {
    let at = this.text.indexOf('\n', this.pos);
    if (at < 0) at = this.text.length;
    if (at > this.end) unsupported('comment inside backquotes');
    this.pos = at;
  }

  /** Whether a keyword or `}` that ends at `at` is a whole token. */
  private delimitedAt(at: number): boolean {
    const c = this.code(at);
    return (
      c === EOF || isBlank(c) || c === NL || c === SEMI || c === AMP || c === PIPE || c === RPAREN || c === LT || c === GT || this.continuation(at) > 0
    );
  }

  /** The reserved word (or `{`, `}`) at the current position, when it is a whole token. */
  private keyword(): string | null {
    const c = this.code();
    if (c === LBRACE || c === RBRACE) return this.delimitedAt(this.pos + 1) ? String.fromCharCode(c) : null;
    if (!isAlpha(c)) return null;
    let at = this.pos + 1;
    while (isAlpha(this.code(at))) at++;
    if (at - this.pos > 8 || !this.delimitedAt(at)) return null;
    return this.text.slice(this.pos, at);
  }

  private expectKeyword(word: string): void {
    if (this.keyword() !== word) unsupported(`expected ${word}`);
    this.pos += word.length;
  }

  // -- statements -------------------------------------------------------------------------------

  /**
   * Statements up to `closer`, which must come where a statement could start. `terminated`
   * says whether the last statement was followed by `;`, `&` or a line break.
   */
  private statements(closer: Closer): { statements: Statement[]; terminated: boolean } {
    const statements: Statement[] = [];
    let terminated = true;
    for (;;) {
      this.skipLines();
      if (this.atCloser(closer)) break;
      statements.push(this.andOr());
      this.skipBlanks();
      if (this.code() === HASH) this.skipComment();
      const c = this.code();
      // After `a | b | c`, tree-sitter's ambiguous parse may read past a line break (the next
      // line's words become arguments of `c` when a redirect or `&&` follows) or, before `)`,
      // give a redirect to a nested pipeline: only `;`, `&` and the end of the text are safe.
      if (this.longPipeline && !((c === SEMI && this.code(this.pos + 1) !== SEMI) || c === AMP || (c === EOF && this.end === this.text.length))) {
        unsupported('long pipeline not followed by ; or &');
      }
      if (c === SEMI) {
        const next = this.code(this.pos + 1);
        // `;;`, `;&`: the end of a case item (tree-sitter also takes `;;` as a terminator elsewhere; bash does not).
        if (next === SEMI || next === AMP) {
          if (closer.kind !== 'caseItem') unsupported(';; outside case');
          terminated = false;
          break;
        }
        this.pos++;
      } else if (c === AMP) {
        this.pos++;
      } else if (c === NL) {
        this.lineBreak();
      } else {
        terminated = false;
        break;
      }
    }
    return { statements, terminated };
  }

  private atCloser(closer: Closer): boolean {
    const c = this.code();
    switch (closer.kind) {
      case 'end':
        return c === EOF;
      case 'paren':
        return c === RPAREN;
      case 'brace':
        return c === RBRACE && this.delimitedAt(this.pos + 1);
      case 'keywords': {
        const word = this.keyword();
        return word !== null && closer.words.has(word);
      }
      case 'caseItem':
        return (c === SEMI && (this.code(this.pos + 1) === SEMI || this.code(this.pos + 1) === AMP)) || this.keyword() === 'esac';
    }
  }

  /** Statements for a compound command's part, which tree-sitter wants terminated (`_terminated_statement`). */
  private terminatedStatements(closer: Closer, required: boolean): Statement[] {
    const { statements, terminated } = this.statements(closer);
    if (required && statements.length === 0) unsupported('empty compound part');
    if (!terminated || !this.atCloser(closer)) unsupported('unterminated compound part');
    return statements;
  }

  /**
   * A pipeline or and-or list. Redirects after it wrap everything parsed so far (tree-sitter:
   * `a && b > f` is redirected_statement(list(a, b))), and a `|` after a list joins its right
   * operand, unless redirects closed it.
   */
  private andOr(): Statement {
    let statement = this.element();
    let longPipeline = false;
    for (;;) {
      this.skipBlanks();
      if (this.atRedirect()) {
        const redirects = this.trailingRedirects();
        const first = redirects[0] as Redirect;
        statement = { kind: 'redirected', body: statement, redirects, start: first.start, end: (redirects.at(-1) as Redirect).end };
        continue;
      }
      const c = this.code();
      const next = this.code(this.pos + 1);
      if ((c === PIPE && next === PIPE) || (c === AMP && next === AMP)) {
        // tree-sitter's pipeline conflict: `a | b | c && d` may become pipeline(a, list(pipeline(b, c), d)),
        // or nest further, depending on what came before; left to tree-sitter.
        if (longPipeline) unsupported('long pipeline before && or ||');
        this.pos += 2;
        this.skipLines();
        statement = { kind: 'list', left: statement, right: this.element() };
      } else if (c === PIPE) {
        if (next === AMP) unsupported('|&');
        this.pos++;
        this.skipLines();
        const right = this.element();
        // `a | B=1 >f x`: tree-sitter reads an assignment with a redirect, then words.
        if (right.kind === 'assignment' || (right.kind === 'command' && right.prefix.length > 0) || right.kind === 'redirected') {
          unsupported('assignment or redirect after |');
        }
        statement = pipeInto(statement, right);
        if (pipelineLength(statement) > 2) longPipeline = true;
      } else {
        this.longPipeline = longPipeline;
        return statement;
      }
    }
  }

  /** One command or compound command (tree-sitter's `_statement_not_pipeline` without redirects after it). */
  private element(): Statement {
    const c = this.code();
    if (c === LPAREN) {
      if (this.code(this.pos + 1) === LPAREN) unsupported('((');
      return this.subshell();
    }
    if (c === BANG) {
      if (!isBlank(this.code(this.pos + 1))) unsupported('!word');
      this.pos++;
      this.skipBlanks();
      return { kind: 'group', subshell: false, items: [this.negated()] };
    }
    if (c === LBRACKET) {
      if (this.code(this.pos + 1) === LBRACKET) unsupported('[[');
      if (!isBlank(this.code(this.pos + 1))) unsupported('[word');
      return this.test();
    }
    const word = this.keyword();
    if (word !== null) {
      switch (word) {
        case '{':
          return this.braceGroup();
        case 'if':
          return this.ifStatement();
        case 'while':
        case 'until':
          return this.whileStatement(word);
        case 'for':
          return this.forStatement();
        case 'case':
          return this.caseStatement();
        default:
          if (DECLARATIONS.has(word)) return this.declaration(word);
          if (UNSETS.has(word)) return this.unset(word);
          if (RESERVED.has(word) || word === '}') unsupported(`reserved word ${word}`);
      }
    }
    return this.simpleCommand();
  }

  /** After `!`: tree-sitter's negated_command takes a command, an assignment, a test or a subshell. */
  private negated(): Statement {
    const c = this.code();
    if (c === LPAREN) {
      if (this.code(this.pos + 1) === LPAREN) unsupported('((');
      return this.subshell();
    }
    if (c === LBRACKET) {
      if (!isBlank(this.code(this.pos + 1))) unsupported('[word');
      return this.test();
    }
    const word = this.keyword();
    if (c === BANG || (word !== null && (RESERVED.has(word) || DECLARATIONS.has(word) || UNSETS.has(word) || word === '{' || word === '}'))) {
      unsupported('! before a compound command');
    }
    const statement = this.simpleCommand();
    if (statement.kind !== 'command' && statement.kind !== 'assignment') unsupported('! before redirects or assignments');
    return statement;
  }

  private subshell(): Group {
    this.pos++;
    const { statements } = this.statements(PAREN);
    if (statements.length === 0 || this.code() !== RPAREN) unsupported('subshell');
    this.pos++;
    return { kind: 'group', subshell: true, items: statements };
  }

  private braceGroup(): Group {
    this.pos++;
    const statements = this.terminatedStatements(BRACE, false);
    this.pos++;
    return { kind: 'group', subshell: false, items: statements };
  }

  private ifStatement(): Group {
    this.pos += 2;
    const items: Statement[] = [...this.terminatedStatements(THEN, true)];
    this.expectKeyword('then');
    items.push(...this.terminatedStatements(IF_BODY, false));
    for (;;) {
      const word = this.keyword();
      if (word === 'elif') {
        this.pos += 4;
        items.push(...this.terminatedStatements(THEN, true));
        this.expectKeyword('then');
        items.push(...this.terminatedStatements(IF_BODY, false));
      } else if (word === 'else') {
        this.pos += 4;
        items.push(...this.terminatedStatements(ELSE_BODY, false));
      } else {
        this.expectKeyword('fi');
        return { kind: 'group', subshell: false, items };
      }
    }
  }

  private whileStatement(word: string): Group {
    this.pos += word.length;
    const items = this.terminatedStatements(DO, true);
    items.push(...this.doGroup());
    return { kind: 'group', subshell: false, items };
  }

  private doGroup(): Statement[] {
    this.expectKeyword('do');
    const statements = this.terminatedStatements(DONE, false);
    this.expectKeyword('done');
    return statements;
  }

  /** `for name in words; do …; done` (the words are not commands; substitutions in them are visited). */
  private forStatement(): Group {
    this.pos += 3;
    this.skipBlanks();
    const start = this.pos;
    while (isWordChar(this.code())) this.pos++;
    if (this.pos === start || !isBlank(this.code())) unsupported('for variable');
    this.skipBlanks();
    const items: Array<Statement | Word> = [];
    if (this.keyword() !== 'in') unsupported('for without in');
    this.pos += 2;
    for (;;) {
      this.skipBlanks();
      const c = this.code();
      if (c === SEMI || c === NL || c === HASH) break;
      items.push(this.requireWord(WordUse.ForItem));
    }
    if (items.length === 0) unsupported('for without words');
    if (this.code() === HASH) this.skipComment();
    const c = this.code();
    if (c === SEMI) {
      if (this.code(this.pos + 1) === SEMI || this.code(this.pos + 1) === AMP) unsupported(';;');
      this.pos++;
    } else if (c === NL) {
      this.lineBreak();
    } else {
      unsupported('for terminator');
    }
    this.skipLines();
    items.push(...this.doGroup());
    return { kind: 'group', subshell: false, items };
  }

  /** `case word in pattern) …;; esac`: the value and patterns are words, not commands. */
  private caseStatement(): Group {
    this.pos += 4;
    this.skipBlanks();
    const items: Array<Statement | Word> = [this.requireWord(WordUse.CaseValue)];
    this.skipBlanks();
    this.expectKeyword('in');
    for (;;) {
      this.skipLines();
      if (this.scannerSkipped()) unsupported('backslash-blank in a case statement');
      if (this.keyword() === 'esac') {
        // tree-sitter's extglob scanner reads `esac|`, `esac\`, `esac)|`… as a case pattern.
        const after = this.code(this.pos + 4);
        const safe = (c: number): boolean => c === EOF || isBlank(c) || c === NL || c === SEMI || c === AMP || c === LT || c === GT || c === BACKTICK;
        if (!(safe(after) || (after === RPAREN && (safe(this.code(this.pos + 5)) || this.code(this.pos + 5) === RPAREN)))) {
          unsupported('esac followed by a pattern character');
        }
        this.pos += 4;
        return { kind: 'group', subshell: false, items };
      }
      if (this.code() === LPAREN) this.pos++;
      for (;;) {
        this.skipBlanks();
        const pattern = this.requireWord(WordUse.Pattern);
        // tree-sitter's extglob scanner reads patterns its own way: only simple ones are accepted.
        if (!SIMPLE_PATTERN.test(this.text.slice(pattern.start, pattern.end))) unsupported('case pattern');
        items.push(pattern);
        this.skipBlanks();
        const c = this.code();
        if (c === PIPE) {
          this.pos++;
        } else if (c === RPAREN) {
          this.pos++;
          // tree-sitter's extglob scanner reads on past a `)` that no blank follows (`*)b` is one pattern).
          const after = this.code();
          if (!isBlank(after) && after !== NL) unsupported('case pattern without a blank after )');
          break;
        } else {
          unsupported('case pattern');
        }
      }
      const { statements } = this.statements(CASE_ITEM);
      items.push(...statements);
      if (this.code() === SEMI) {
        if (this.code(this.pos + 1) !== SEMI || this.code(this.pos + 2) === AMP) unsupported(';& or ;;&');
        this.pos += 2;
      } else if (this.keyword() !== 'esac') {
        unsupported('case item');
      }
    }
  }

  /** `[ … ]`: tree-sitter parses a test expression; only shapes it reads without error are accepted. */
  private test(): Group {
    this.pos++;
    const words: Word[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.scannerSkipped()) unsupported('line continuation after a word in a test');
      const c = this.code();
      if (c === RBRACKET && this.delimitedAt(this.pos + 1)) {
        this.pos++;
        break;
      }
      if (isWordEnd(c) || c === HASH) unsupported('test operand');
      words.push(this.requireWord(WordUse.Test));
    }
    if (!isTestExpression(this.text, words)) unsupported('test expression');
    return { kind: 'group', subshell: false, items: words };
  }

  /** `export A=1 B`: assignments become bare commands in the collector, words are visited for substitutions. */
  private declaration(word: string): Group {
    this.pos += word.length;
    const items: Array<Statement | Word> = [];
    for (;;) {
      this.skipBlanks();
      const c = this.code();
      if (isWordEnd(c) || c === HASH) {
        if (c === LT || c === GT || c === LPAREN) unsupported('declaration redirect');
        break;
      }
      if (c === MINUS) {
        // Options: tree-sitter's scanner reads `--x=` as a variable name, so only plain flags are accepted.
        let at = this.pos + 1;
        while (isAlpha(this.code(at))) at++;
        if (at === this.pos + 1 || !isWordEnd(this.code(at))) unsupported('option in a declaration');
      }
      // Here tree-sitter's scanner also reads `name:` as a variable name.
      items.push(this.assignment(true) ?? this.requireWord(WordUse.Declaration));
    }
    return { kind: 'group', subshell: false, items };
  }

  private unset(word: string): Group {
    this.pos += word.length;
    const items: Word[] = [];
    for (;;) {
      this.skipBlanks();
      const c = this.code();
      if (isWordEnd(c) || c === HASH) {
        if (c === LT || c === GT || c === LPAREN) unsupported('unset redirect');
        break;
      }
      items.push(this.requireWord(WordUse.Declaration));
    }
    return { kind: 'group', subshell: false, items };
  }

  /** Assignments and redirects, a name, arguments: a command, or a bare assignment or redirect. */
  private simpleCommand(): Statement {
    const start = this.pos;
    const prefix: Array<Assignment | Redirect> = [];
    for (;;) {
      if (this.atRedirect()) {
        // With two redirects first, tree-sitter may read a redirect-only statement whose last
        // redirect takes the command's words as destinations.
        if (prefix.some((p) => p.kind === 'redirect')) unsupported('two redirects before a command');
        prefix.push(this.redirect(false));
      } else {
        const assignment = this.assignment(prefix.length > 0);
        if (!assignment) break;
        prefix.push(assignment);
      }
      this.skipBlanks();
    }
    const c = this.code();
    if (isWordEnd(c) || c === HASH) {
      if (c === LPAREN) unsupported('( after assignments');
      // After two assignments or redirects tree-sitter looks past line breaks for the command name.
      if (prefix.length > 1 && (c === NL || c === HASH)) unsupported('line break after assignments');
      return this.withoutName(prefix);
    }
    this.checkName(prefix.length > 0);
    const name = this.requireWord(WordUse.Name);
    const args: Word[] = [];
    let end = name.end;
    for (;;) {
      this.skipBlanks();
      const next = this.code();
      if (next === HASH || this.atRedirect()) break;
      if (isWordEnd(next)) {
        if (next === LPAREN) unsupported('( after a command word');
        break;
      }
      // `cmd == x` and `cmd =~ x`: tree-sitter's command takes the operator as an unnamed node.
      if (next === EQ && (this.code(this.pos + 1) === EQ || this.code(this.pos + 1) === 126)) unsupported('== or =~ argument');
      const word = this.word(WordUse.Argument);
      this.continued = false;
      if (word === BARE_DOLLAR) {
        // A lone `$` is an unnamed node of the command: no argument, but it extends the command.
        end = this.pos;
        continue;
      }
      if (!word) unsupported('argument');
      args.push(word);
      end = word.end;
    }
    return { kind: 'command', prefix, name, args, start, end };
  }

  private withoutName(prefix: Array<Assignment | Redirect>): Statement {
    if (prefix.length === 0) unsupported('empty command');
    const assignments = prefix.filter((p) => p.kind === 'assignment');
    if (assignments.length === prefix.length) {
      // One assignment is a variable_assignment statement; several are variable_assignments.
      return assignments.length === 1 ? (assignments[0] as Assignment) : { kind: 'group', subshell: false, items: assignments };
    }
    const redirects = prefix.filter((p) => p.kind === 'redirect');
    if (redirects.length === prefix.length) {
      return { kind: 'redirected', body: null, redirects, start: (redirects[0] as Redirect).start, end: (redirects.at(-1) as Redirect).end };
    }
    return unsupported('assignments and redirects without a command');
  }

  /** Reject command names that tree-sitter reads as something else, or that make its scanner misbehave. */
  private checkName(afterPrefix: boolean): void {
    const c = this.code();
    // tree-sitter's word token stops before quotes and `$`: `local"x"` starts with the keyword `local`.
    let letters = this.pos;
    while (isAlpha(this.code(letters))) letters++;
    const word = this.text.slice(this.pos, letters);
    const after = this.code(letters);
    const glued = after === SQUOTE || after === DQUOTE || after === DOLLAR || after === BACKTICK || isSpecialCharacter(after);
    if (glued && (RESERVED.has(word) || DECLARATIONS.has(word) || UNSETS.has(word))) unsupported('keyword glued to a quote or expansion');
    // `{`/`[` not followed by a blank, `}`, `]`, `!word`, and names starting with a character
    // that tree-sitter's external scanner treats specially (`*@?-`).
    if (isSpecialCharacter(c) || c === BANG || c === STAR || c === AT || c === QUESTION || c === MINUS) unsupported('command name');
    if (afterPrefix) {
      // After an assignment a function definition cannot start, and `name:` scans as a variable name.
      let at = this.pos;
      while (isWordChar(this.code(at))) at++;
      if (at > this.pos && this.code(at) === COLON) unsupported('name: after assignments');
    }
  }

  /**
   * `NAME=value` or `NAME+=value` at the current position, or null. Shapes that tree-sitter's
   * scanner reads as a variable name but that are not assignments make it fail: rejected.
   */
  private assignment(afterPrefix: boolean): Assignment | null {
    const start = this.pos;
    let at = start;
    while (isWordChar(this.code(at))) at++;
    if (at === start) return null;
    const c = this.code(at);
    if (this.scannerSkipped() && (c === EQ || c === PLUS || c === LBRACKET || c === LT || c === GT)) unsupported('assignment after backslash-blank');
    let valueStart: number;
    if (c === EQ) {
      valueStart = at + 1;
    } else if (c === PLUS && this.code(at + 1) === EQ) {
      valueStart = at + 2;
    } else {
      if (c === LBRACKET || c === PERCENT || c === AT || c === HASH || c === QUESTION) unsupported('variable-name-like word');
      if (c === PLUS && this.code(at + 1) === COLON) unsupported('name+:');
      if (c === COLON && afterPrefix) unsupported('name: after assignments');
      return null;
    }
    const name = this.text.slice(start, at);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name === '_') unsupported('assignment name');
    this.pos = valueStart;
    const next = this.code();
    let value: Word | null = null;
    if (isBlank(next) || next === NL || next === EOF || next === SEMI || next === AMP) {
      // tree-sitter's _empty_value: the assignment has no value node.
    } else if (isWordEnd(next) || this.continuation(this.pos) > 0) {
      unsupported('assignment value');
    } else {
      value = this.requireWord(WordUse.Value);
    }
    return { kind: 'assignment', name, value, start, end: value ? value.end : valueStart };
  }

  // -- redirects --------------------------------------------------------------------------------

  /** Whether a redirect starts here: `<`, `>`, `&>`, or a file descriptor number right before `<`/`>`. */
  private atRedirect(): boolean {
    const c = this.code();
    if (c === LT || c === GT) return true;
    if (c === AMP) return this.code(this.pos + 1) === GT;
    if (!isDigit(c)) return false;
    if (this.scannerSkipped()) unsupported('descriptor after backslash-blank');
    let at = this.pos + 1;
    while (isDigit(this.code(at))) at++;
    const after = this.code(at);
    if (after !== LT && after !== GT) return false;
    // tree-sitter's scanner does not take `0…` as a descriptor (it gives a number word, then the redirect).
    if (c === DIGIT_0) unsupported('descriptor starting with 0');
    return true;
  }

  /** Redirects after a statement: each takes every following word (tree-sitter's `repeat1($._literal)`). */
  private trailingRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    while (this.atRedirect()) {
      redirects.push(this.redirect(true));
      this.skipBlanks();
    }
    return redirects;
  }

  private redirect(trailing: boolean): Redirect {
    const start = this.pos;
    let descriptor: string | null = null;
    if (isDigit(this.code())) {
      while (isDigit(this.code())) this.pos++;
      descriptor = this.text.slice(start, this.pos);
    }
    const operator = this.redirectOperator();
    this.skipBlanks();
    const targets: Word[] = [];
    if (operator === '>&-' || operator === '<&-') {
      if (!isWordEnd(this.code()) && this.code() !== HASH) unsupported('word after >&-');
      return { kind: 'redirect', operator, descriptor, targets, start, end: this.pos };
    }
    if (isWordEnd(this.code()) || this.code() === HASH) unsupported('redirect without target');
    targets.push(this.requireWord(WordUse.Target));
    let end = (targets[0] as Word).end;
    if (trailing) {
      for (;;) {
        this.skipBlanks();
        const c = this.code();
        if (isWordEnd(c) || c === HASH || this.atRedirect()) break;
        const word = this.requireWord(WordUse.Target);
        targets.push(word);
        end = word.end;
      }
    }
    return { kind: 'redirect', operator, descriptor, targets, start, end };
  }

  private redirectOperator(): string {
    const c = this.code();
    const next = this.code(this.pos + 1);
    let operator: string;
    if (c === GT) {
      if (next === GT) operator = '>>';
      else if (next === AMP) operator = this.code(this.pos + 2) === MINUS ? '>&-' : '>&';
      else if (next === PIPE) operator = '>|';
      else if (next === LPAREN) return unsupported('process substitution');
      else operator = '>';
    } else if (c === LT) {
      if (next === LT) return unsupported('heredoc or herestring');
      if (next === AMP) operator = this.code(this.pos + 2) === MINUS ? '<&-' : '<&';
      else if (next === GT || next === LPAREN) return unsupported('<> or process substitution');
      else operator = '<';
    } else if (c === AMP && next === GT) {
      operator = this.code(this.pos + 2) === GT ? '&>>' : '&>';
    } else {
      return unsupported('redirect operator');
    }
    this.pos += operator.length;
    if (this.code() === AMP || this.code() === GT || this.code() === LT || this.code() === PIPE) unsupported('redirect operator');
    return operator;
  }

  // -- words ------------------------------------------------------------------------------------

  private requireWord(use: WordUse): Word {
    const word = this.word(use);
    if (!word || word === BARE_DOLLAR) return unsupported('word expected');
    return word;
  }

  /**
   * The word at the current position (null when there is none), as tree-sitter delimits it: a
   * run of pieces (plain characters, quotes, expansions, substitutions) with nothing between
   * them, which it joins into a concatenation with its `_concat` scanner token.
   */
  private word(use: WordUse): Word | typeof BARE_DOLLAR | null {
    const start = this.pos;
    let value = '';
    let isStatic = true;
    const substitutions: Substitution[] = [];
    let pieces = 0;
    let last = Piece.None;
    let onlySpecial = true;
    let pieceStart = start;
    for (;;) {
      const c = this.code();
      if (isWordEnd(c)) break;
      if (c >= 0x80) unsupported('non-ASCII character outside quotes');
      if (!(c === DOLLAR && last === Piece.Literal)) pieceStart = this.pos;
      let piece: Piece;
      if (c === BACKSLASH) {
        const next = this.code(this.pos + 1);
        // A line continuation ends the word: tree-sitter reads `a\<newline>b` as two words.
        if (next === NL || (next === CR && this.code(this.pos + 2) === NL)) break;
        // tree-sitter's word cannot start with `\ ` (elsewhere it skips it as a blank).
        if (last === Piece.None && next === SPACE) unsupported('word starting with backslash-space');
        // After a quote or expansion, tree-sitter's `_concat` only joins an escaped quote or backslash.
        if (last !== Piece.None && last !== Piece.Literal && next !== DQUOTE && next !== SQUOTE && next !== BACKSLASH) {
          unsupported('escape after a quote or expansion');
        }
        value += this.literal();
        piece = Piece.Literal;
      } else if (c === SQUOTE) {
        const close = this.text.indexOf("'", this.pos + 1);
        if (close < 0 || close >= this.end) unsupported('unterminated quote');
        value += this.text.slice(this.pos + 1, close);
        this.pos = close + 1;
        piece = Piece.Quoted;
      } else if (c === DQUOTE) {
        const open = this.pos;
        const inner = this.string();
        if (inner === null) {
          value += this.text.slice(open + 1, this.pos - 1).replace(/\\([$`"\\\n])/g, '$1');
        } else {
          isStatic = false;
          substitutions.push(...inner);
        }
        piece = Piece.Quoted;
      } else if (c === DOLLAR) {
        const next = this.code(this.pos + 1);
        if (next === EOF || isBlank(next) || next === NL) {
          // Before a closing backquote, or at the end after line continuations, a lone `$` is an
          // error for tree-sitter.
          if (next === EOF && this.end < this.text.length) unsupported('$ before a closing backquote');
          // After line continuations the scanner may read `$ name` as an expansion, or fail at the end.
          if (last === Piece.None && this.continued) unsupported('lone $ after a line continuation');
          if (last === Piece.None) {
            // A lone `$` (tree-sitter's `_bare_dollar`): an unnamed child of the command.
            if (use !== WordUse.Argument || this.scannerSkipped()) unsupported('bare $');
            this.pos++;
            return BARE_DOLLAR;
          }
          // `x$`: the concatenation ends with an unnamed `$`, which the static value leaves out.
          // (tree-sitter's scanner reads a piece `-x$` as a bare dollar.)
          if (last === Piece.Literal && /^-[A-Za-z]*$/.test(this.text.slice(pieceStart, this.pos))) unsupported('-letters$');
          if (use === WordUse.Declaration) unsupported('x$ in a declaration');
          this.pos++;
          pieces++;
          onlySpecial = false;
          break;
        }
        if (next === SQUOTE) {
          value += this.ansiCString();
          piece = Piece.Quoted;
        } else {
          // `x$$` at the end of a word: tree-sitter makes both dollars unnamed nodes.
          if (next === DOLLAR && last !== Piece.None && isWordEnd(this.code(this.pos + 2))) unsupported('x$$');
          // From the third piece on, tree-sitter may end the word before `name` in `x-$a/$name…`.
          if (pieces >= 2 && this.splitsBeforeName(next, use)) {
            // The word ends with an unnamed `$` (left out of the value); the name starts the next word.
            this.pos++;
            pieces++;
            onlySpecial = false;
            break;
          }
          const substitution = this.dollar(next);
          isStatic = false;
          if (substitution) {
            substitutions.push(substitution);
            piece = Piece.Substitution;
          } else {
            piece = Piece.Expansion;
          }
        }
      } else if (c === BACKTICK) {
        if (last !== Piece.None && use === WordUse.Name) unsupported('backquote glued to a command name');
        substitutions.push(this.backquote(last !== Piece.None));
        isStatic = false;
        piece = Piece.Substitution;
      } else if (isSpecialCharacter(c)) {
        if (use === WordUse.Test || use === WordUse.Pattern || use === WordUse.Target || use === WordUse.Name) unsupported('bracket or brace');
        // `{1..3}` is a brace_expression (no static value in the collector).
        if (c === LBRACE && this.braceExpansionAhead()) unsupported('brace expansion');
        value += String.fromCharCode(c);
        this.pos++;
        piece = Piece.Special;
      } else if (c === HASH && last === Piece.None) {
        if (use !== WordUse.Value) return null;
        // An assignment value may be tree-sitter's `_comment_word`, which cannot be concatenated.
        value += this.literal();
        piece = Piece.Literal;
        const after = this.code();
        if (!isWordEnd(after) && this.continuation(this.pos) === 0) unsupported('#word glued to more');
      } else {
        value += this.literal();
        piece = Piece.Literal;
      }
      if (piece !== Piece.Special) onlySpecial = false;
      pieces++;
      last = piece;
    }
    if (pieces === 0) return null;
    const end = this.pos;
    // tree-sitter joins runs of `{`, `}`, `[`, `]` across blanks into one word (`] [`).
    if (onlySpecial && isSpecialCharacter(this.code(this.afterBlanks(end)))) unsupported('brackets separated by blanks');
    if (last === Piece.Literal && end - pieceStart === 1 && this.text.charCodeAt(pieceStart) === MINUS) {
      // After a lone `-`, tree-sitter's test-operator scan goes on over the blanks and, when it
      // finds a descriptor, `$` or `{1..2}`, returns that token with the `-` skipped as blank.
      const next = this.code(this.afterBlanks(end));
      if (next === DOLLAR || next === LBRACE || next === LT || next === BACKSLASH || isDigit(next)) unsupported('lone - before a scanner token');
    }
    const after = this.code(end);
    if ((after === LT || after === GT) && /^[-*@?_A-Za-z0-9]*[0-9]$|\$[*@?!#$-][0-9]+$/.test(this.text.slice(start, end))) {
      // tree-sitter's scanner reads such a word right before `<`/`>` as a file descriptor, oddly.
      unsupported('number-like word before a redirect');
    }
    return {
      start,
      end,
      value: isStatic ? value : null,
      substitutions,
      isSubstitution: pieces === 1 && last === Piece.Substitution,
    };
  }

  /**
   * Whether tree-sitter ends the word at the `$` of `$name` here (`next` follows the `$`), which it
   * does from a concatenation's third piece on: the `$` may then also be the concatenation's final
   * unnamed `$`, and the lexer prefers the longer of the variable name and a `word` token, unless
   * the external scanner claims the name first (before `=`, `:`, `%`, `@`, `#`, `?x`, `+=`).
   */
  private splitsBeforeName(next: number, use: WordUse): boolean {
    if (isSpecialParameter(next)) {
      if (next === DOLLAR) {
        // `$${x}`: the second dollar may start `${x}`, `$(…)`, `$'…'`…
        const after = this.code(this.pos + 2);
        if (after === LBRACE || after === LPAREN || after === SQUOTE || after === DQUOTE) unsupported('$$ before a brace, quote or parenthesis');
        return false;
      }
      if (next === HASH) return false;
      if (!this.continuesWord(this.pos + 2)) return false;
      return unsupported('special parameter before word characters');
    }
    if (!isWordChar(next)) return false;
    const nameStart = this.pos + 1;
    let at = nameStart;
    while (isWordChar(this.code(at))) at++;
    const digits = /^[0-9]+$/.test(this.text.slice(nameStart, at));
    // There tree-sitter's lexer may also take `_multiline_variable_name`, which goes on past `\<newline>`.
    if (this.continuation(at) > 0) unsupported('line continuation after $name');
    const c = this.code(at);
    const after = this.code(at + 1);
    const claimed =
      c === EQ ||
      // (Not where a function definition may start: the scanner leaves `name:` to the lexer there.)
      (c === COLON && use !== WordUse.Name) ||
      c === PERCENT ||
      c === AT ||
      (c === HASH && !digits) ||
      (c === QUESTION && isAlpha(after)) ||
      (c === PLUS && (after === EQ || after === COLON));
    if (claimed) return false;
    // A longer `word` wins; so does a `number` of the same length (`x$a$1` ends before `1`).
    return this.continuesWord(at) || digits;
  }

  /** Whether tree-sitter's `word` token would go on at `at` (a plain character or a backslash escape). */
  private continuesWord(at: number): boolean {
    const c = this.code(at);
    if (c === BACKSLASH) {
      const next = this.code(at + 1);
      return next !== EOF && next !== NL && next !== CR && next !== TAB && next !== VT && next !== FF;
    }
    return !endsLiteral(c);
  }

  /** Where the blanks, line continuations and backslash-blanks from `at` end (without moving). */
  private afterBlanks(at: number): number {
    for (;;) {
      if (isBlank(this.code(at))) at++;
      else if (this.continuation(at) > 0) at += this.continuation(at);
      else if (this.code(at) === BACKSLASH && isBlank(this.code(at + 1))) at += 2;
      else return at;
    }
  }

  /** Whether `{` at the current position starts what tree-sitter's scanner takes for `{1..3}`. */
  private braceExpansionAhead(): boolean {
    let at = this.pos + 1;
    while (isDigit(this.code(at))) at++;
    return this.code(at) === DOT;
  }

  /** A run of plain characters and backslash escapes; returns its value after quote removal. */
  private literal(): string {
    let value = '';
    let runStart = this.pos;
    // `12#` starts tree-sitter's `number` token for `12#$x` and fails without an expansion after it.
    if (NUMBER_WITH_BASE.test(this.text.slice(this.pos, this.pos + 24))) unsupported('number with a base');
    for (;;) {
      const c = this.code();
      if (c === BACKSLASH) {
        const next = this.code(this.pos + 1);
        if (next === NL || (next === CR && this.code(this.pos + 2) === NL)) break;
        if (next === EOF) unsupported('backslash at the end');
        // `\ ` continues a word; a backslash before another blank ends it in tree-sitter.
        if (next === TAB || next === CR || next === VT || next === FF) unsupported('backslash before a blank');
        if (next >= 0x80) unsupported('non-ASCII character outside quotes');
        value += this.text.slice(runStart, this.pos) + String.fromCharCode(next);
        this.pos += 2;
        runStart = this.pos;
        continue;
      }
      if (endsLiteral(c)) break;
      if (c >= 0x80) unsupported('non-ASCII character outside quotes');
      this.pos++;
    }
    return value + this.text.slice(runStart, this.pos);
  }

  /**
   * A double-quoted string from its opening quote. Returns null when it is static (its value is
   * then the text between the quotes, with `\$ \` \" \\ \<newline>` unescaped), else the
   * substitutions in it.
   */
  private string(): Substitution[] | null {
    this.pos++;
    let dynamic = false;
    const substitutions: Substitution[] = [];
    for (;;) {
      const c = this.code();
      if (c === EOF) unsupported('unterminated string');
      if (c === DQUOTE) {
        this.pos++;
        break;
      }
      if (c === BACKSLASH) {
        if (this.code(this.pos + 1) === EOF) unsupported('unterminated string');
        this.pos += 2;
      } else if (c === BACKTICK) {
        substitutions.push(this.backquote(false));
        dynamic = true;
      } else if (c === DOLLAR) {
        const next = this.code(this.pos + 1);
        if (next === DQUOTE) {
          // `"…$"`: a literal dollar before the closing quote.
          this.pos++;
        } else if (isWordChar(next) || isSpecialParameter(next) || next === LBRACE || next === LPAREN) {
          const substitution = this.dollar(next);
          if (substitution) substitutions.push(substitution);
          dynamic = true;
        } else if (next === SLASH || next === DOT || next === COLON || next === COMMA || next === EQ || next === PLUS || next === PERCENT || next === CARET) {
          // A dollar before punctuation stays a literal character of the string.
          this.pos++;
        } else {
          // `$ x` (tree-sitter's scanner skips the blank and reads `$x`), `$'`, `$[`…
          unsupported('$ in a string');
        }
      } else {
        if (c >= 0x80 && /\s/.test(String.fromCharCode(c))) unsupported('unicode space in a string');
        this.pos++;
      }
    }
    return dynamic ? substitutions : null;
  }

  /** `$'…'`: tree-sitter's ansi_c_string, whose static value is the raw text between the quotes. */
  private ansiCString(): string {
    const start = this.pos + 2;
    let at = start;
    for (;;) {
      const c = this.code(at);
      if (c === EOF) unsupported("unterminated $'");
      if (c === SQUOTE) break;
      if (c === BACKSLASH) {
        const next = this.code(at + 1);
        // The token's regex (`([^']|\\')*`) makes `\'` and `\\'` ambiguous: left to tree-sitter.
        if (next === SQUOTE || next === BACKSLASH || next === EOF) unsupported("escape in $'");
        at += 2;
        continue;
      }
      at++;
    }
    this.pos = at + 1;
    return this.text.slice(start, at);
  }

  /**
   * `$name`, `$1`, `$@`…, `${…}` or `$( … )` at the current position; `next` is the character
   * after the dollar. Returns the substitution for `$( … )`, null for an expansion.
   */
  private dollar(next: number): Substitution | null {
    if (isWordChar(next)) {
      // tree-sitter's `_simple_variable_name` is `\w+`: `$1a` is one expansion.
      this.pos += 2;
      while (isWordChar(this.code())) this.pos++;
      // `$1>`: tree-sitter's scanner reads the digits as a file descriptor.
      if (isDigit(next) && (this.code() === LT || this.code() === GT)) unsupported('$digits before a redirect');
      return null;
    }
    if (isSpecialParameter(next)) {
      this.pos += 2;
      return null;
    }
    if (next === LBRACE) {
      this.expansion();
      return null;
    }
    if (next === LPAREN) {
      if (this.code(this.pos + 2) === LPAREN) unsupported('arithmetic expansion');
      this.pos += 2;
      const { statements } = this.statements(PAREN);
      if (statements.length === 0 || this.code() !== RPAREN) unsupported('command substitution');
      // `$(< file)`: tree-sitter has a form of its own for a substitution that is one redirect.
      if (statements.length === 1 && statements[0]?.kind === 'redirected' && !statements[0].body) unsupported('$(< file)');
      this.pos++;
      return { statements };
    }
    return unsupported(`$ before ${String.fromCharCode(next)}`);
  }

  /**
   * `${…}`: the forms Dockerfiles use (`${A}`, `${#A}`, `${A:-x}`, `${A%%.*}`, `${A/x/y}`…),
   * with a value of plain characters, quotes and nested expansions; no substitution inside.
   */
  private expansion(): void {
    this.pos += 2;
    if (this.code() === HASH) this.pos++;
    const nameStart = this.pos;
    if (isAlpha(this.code()) || this.code() === UNDERSCORE) {
      while (isWordChar(this.code())) this.pos++;
    } else if (isDigit(this.code())) {
      while (isDigit(this.code())) this.pos++;
    } else if (this.code() === AT || this.code() === STAR) {
      this.pos++;
    }
    if (this.pos === nameStart) unsupported('expansion name');
    const c = this.code();
    if (c === RBRACE) {
      this.pos++;
      return;
    }
    if (this.text.charCodeAt(nameStart - 1) === HASH) unsupported('${#name…}');
    const next = this.code(this.pos + 1);
    if (c === COLON && !(next === MINUS || next === EQ || next === PLUS || next === QUESTION)) {
      // `${a:1}`, `${a:1:2}`: tree-sitter parses offsets as arithmetic; plain names and numbers only.
      this.pos++;
      while (isWordChar(this.code())) this.pos++;
      if (this.code() === COLON) this.pos++;
      while (isWordChar(this.code())) this.pos++;
      if (this.code() !== RBRACE) unsupported('expansion offset');
      this.pos++;
      return;
    }
    if (c === COLON) {
      this.pos += 2;
    } else if (c === MINUS || c === EQ || c === PLUS || c === QUESTION || c === SLASH || c === COMMA || c === CARET || c === HASH || c === PERCENT) {
      this.pos += next === c && (c === SLASH || c === COMMA || c === CARET || c === HASH || c === PERCENT) ? 2 : 1;
    } else {
      unsupported('expansion operator');
    }
    this.expansionValue();
  }

  /** The rest of `${name<op>…}` up to and including its closing brace. */
  private expansionValue(): void {
    let brackets = 0;
    for (;;) {
      const c = this.code();
      if (c === RBRACE) {
        this.pos++;
        return;
      }
      // tree-sitter's regex scanner fails on an unmatched `]` (`[a-z]*` is fine).
      if (c === LBRACKET) brackets++;
      if (c === RBRACKET && brackets-- === 0) unsupported('] in an expansion');
      if (c === EOF || c === NL || c === BACKSLASH || c === BACKTICK || c === LBRACE || c >= 0x80) unsupported('expansion value');
      if (c === PIPE || c === AMP || c === SEMI || c === LT || c === GT || c === LPAREN || c === RPAREN) unsupported('operator in an expansion');
      if (c === DOLLAR) {
        const next = this.code(this.pos + 1);
        if (next === LPAREN || !(isWordChar(next) || next === LBRACE)) unsupported('expansion value');
        this.dollar(next);
      } else if (c === DQUOTE) {
        if (this.string() !== null) unsupported('substitution in an expansion');
      } else if (c === SQUOTE) {
        const close = this.text.indexOf("'", this.pos + 1);
        if (close < 0 || close >= this.end) unsupported('unterminated quote');
        this.pos = close + 1;
      } else {
        this.pos++;
      }
    }
  }

  /**
   * A backquote substitution. `glued` says that it follows another piece of the word: tree-sitter
   * only joins it when a blank follows the closing backquote (else `x\`y\`z` is two words).
   */
  private backquote(glued: boolean): Substitution {
    const open = this.pos;
    const close = this.text.indexOf('`', open + 1);
    if (close < 0 || close >= this.end) unsupported('unterminated backquote');
    if (glued) {
      const after = close + 1 < this.text.length ? this.text.charCodeAt(close + 1) : EOF;
      if (!(after === EOF || isBlank(after) || after === NL)) unsupported('backquote glued to a word');
    }
    // tree-sitter has a token for a backquote, blanks and a backquote (`/\`\s*\`/`), which joins
    // `` `a` `b` `` into one word.
    let next = close + 1;
    while (next < this.text.length && /\s/.test(this.text[next] as string)) next++;
    if (this.text.charCodeAt(next) === BACKTICK) unsupported('backquotes in a row');
    const inner = this.text.slice(open + 1, close);
    // Backslashes inside backquotes escape differently in bash; tree-sitter does not know.
    if (inner.includes('\\')) unsupported('backslash inside backquotes');
    // After another backquote substitution, tree-sitter may join `` `a` x ` b` `` into one word.
    if (/^\s/.test(inner)) unsupported('blank after an opening backquote');
    const outerEnd = this.end;
    this.end = close;
    this.pos = open + 1;
    const { statements } = this.statements(END);
    if (statements.length === 0 || this.pos !== close) unsupported('backquote substitution');
    this.end = outerEnd;
    this.pos = close + 1;
    this.backquotes++;
    return { statements };
  }
}

const BARE_DOLLAR = Symbol('bare $');
const NUMBER_WITH_BASE = /^-?(?:0x)?[0-9]+#/;
/** Case patterns of one piece: plain characters, a quoted string or a variable. */
const SIMPLE_PATTERN = /^(?:[A-Za-z0-9_.*?+@:,/=%~-]+|'[^']*'|"[^"$`\\]*"|\$[A-Za-z_][A-Za-z0-9_]*|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/;

const enum Piece {
  None,
  Literal,
  Special,
  Quoted,
  Expansion,
  Substitution,
}

/** `a | b` appended to what was parsed so far: a list's right operand takes the pipe (`a && b | c`). */
function pipeInto(left: Statement, right: Statement): Statement {
  if (left.kind === 'list') return { kind: 'list', left: left.left, right: pipeInto(left.right, right) };
  if (left.kind === 'pipeline') return { kind: 'pipeline', items: [...left.items, right] };
  return { kind: 'pipeline', items: [left, right] };
}

/** The number of commands in the pipeline at the right end of `statement`. */
function pipelineLength(statement: Statement): number {
  if (statement.kind === 'list') return pipelineLength(statement.right);
  return statement.kind === 'pipeline' ? statement.items.length : 1;
}

const TEST_BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/**
 * Whether the words of `[ … ]` form an expression tree-sitter reads without error: an operand,
 * `-op operand`, `operand op operand`, each maybe after `!`, joined by `-a`/`-o`.
 */
function isTestExpression(text: string, words: readonly Word[]): boolean {
  const raw = words.map((w) => text.slice(w.start, w.end));
  if (raw.length === 0) return true;
  let i = 0;
  const operand = (): boolean => {
    const w = raw[i];
    if (w === undefined || !isTestOperand(w)) return false;
    i++;
    return true;
  };
  const primary = (): boolean => {
    if (raw[i] === '!') i++;
    const w = raw[i];
    if (w !== undefined && /^-[A-Za-z]+$/.test(w) && !TEST_BINARY.has(w) && w !== '-a' && w !== '-o') {
      i++;
      return operand();
    }
    if (!operand()) return false;
    const op = raw[i];
    if (op !== undefined && TEST_BINARY.has(op)) {
      i++;
      return operand();
    }
    return true;
  };
  if (!primary()) return false;
  while (i < raw.length) {
    if (raw[i] !== '-a' && raw[i] !== '-o') return false;
    i++;
    if (!primary()) return false;
  }
  return true;
}

/** An operand of a test: nothing tree-sitter's expression grammar could read as an operator. */
function isTestOperand(word: string): boolean {
  // tree-sitter takes a reserved word there for a keyword (`[ if = x ]`).
  const letters = /^[a-z]*/.exec(word)?.[0] ?? '';
  if (RESERVED.has(letters) || DECLARATIONS.has(letters) || UNSETS.has(letters)) return false;
  const c = word.charCodeAt(0);
  if (c === DQUOTE || c === SQUOTE || c === DOLLAR) return true;
  if (!(isWordChar(c) || c === SLASH || c === DOT)) return false;
  return !/[=!~<>()#]/.test(word);
}

// ---------------------------------------------------------------------------------------------
// The collector: the same walk, flags and order as shell.ts's CommandCollector on tree-sitter's tree.

class Collector {
  readonly commands: ShellCommand[] = [];
  readonly pipelines: number[][] = [];

  constructor(private readonly text: string) {}

  visit(statement: Statement, inSubshell: boolean, inSubstitution: boolean, pipeline: number | null): void {
    switch (statement.kind) {
      case 'command':
        this.command(statement, [], inSubshell, inSubstitution, pipeline);
        return;
      case 'redirected': {
        const { body, redirects } = statement;
        if (body?.kind === 'command') {
          this.command(body, redirects, inSubshell, inSubstitution, pipeline);
        } else if (!body) {
          this.commands.push(this.bare([statement.start, statement.end], [], redirects, inSubshell, inSubstitution, pipeline));
        } else {
          // `a | b > out`: the redirect goes to the last command collected so far.
          this.visit(body, inSubshell, inSubstitution, pipeline);
          this.commands.at(-1)?.redirects.push(...redirects.map((r) => this.redirect(r)));
        }
        return;
      }
      case 'assignment':
        this.commands.push(this.bare([statement.start, statement.end], [statement], [], inSubshell, inSubstitution, pipeline));
        this.nestedInAssignment(statement);
        return;
      case 'pipeline': {
        const index = this.pipelines.length;
        this.pipelines.push([]);
        for (const item of statement.items) this.visit(item, inSubshell, inSubstitution, index);
        return;
      }
      case 'list':
        this.visit(statement.left, inSubshell, inSubstitution, pipeline);
        this.visit(statement.right, inSubshell, inSubstitution, pipeline);
        return;
      case 'group': {
        const sub = inSubshell || statement.subshell;
        for (const item of statement.items) {
          if (isWord(item)) {
            // A word outside a command: its substitutions are visited like any node.
            for (const substitution of item.substitutions) this.visitSubstitution(substitution, pipeline);
          } else {
            this.visit(item, sub, inSubstitution, pipeline);
          }
        }
        return;
      }
    }
  }

  private visitSubstitution(substitution: Substitution, pipeline: number | null): void {
    for (const statement of substitution.statements) this.visit(statement, true, true, pipeline);
  }

  private bare(
    range: Range,
    assignments: Assignment[],
    redirects: Redirect[],
    inSubshell: boolean,
    inSubstitution: boolean,
    pipeline: number | null,
  ): ShellCommand {
    return {
      name: null,
      args: [],
      assignments: assignments.map((a) => this.assignment(a)),
      redirects: redirects.map((r) => this.redirect(r)),
      range,
      pipeline,
      inSubshell,
      inSubstitution,
    };
  }

  private command(node: Command, outerRedirects: Redirect[], inSubshell: boolean, inSubstitution: boolean, pipeline: number | null): void {
    const assignments: Assignment[] = [];
    // The collector puts the redirects after the statement before those inside the command.
    const redirects: Redirect[] = [...outerRedirects];
    for (const part of node.prefix) {
      if (part.kind === 'assignment') assignments.push(part);
      else redirects.push(part);
    }
    const index = this.commands.length;
    this.commands.push({
      name: this.word(node.name),
      args: node.args.map((a) => this.word(a)),
      assignments: assignments.map((a) => this.assignment(a)),
      redirects: redirects.map((r) => this.redirect(r)),
      range: [node.start, node.end],
      pipeline,
      inSubshell,
      inSubstitution,
    });
    if (pipeline !== null) this.pipelines[pipeline]?.push(index);
    // Commands nested in substitutions inside the prefix and the arguments (not the name).
    for (const part of node.prefix) {
      if (part.kind === 'assignment') this.nestedInAssignment(part);
      else for (const target of part.targets) this.nestedInWord(target);
    }
    for (const arg of node.args) {
      if (arg.isSubstitution) {
        // The collector looks for substitutions below an argument node: when the argument is
        // itself one, its own commands are skipped and only substitutions nested in them count.
        for (const statement of (arg.substitutions[0] as Substitution).statements) this.nestedInStatement(statement);
      } else {
        this.nestedInWord(arg);
      }
    }
  }

  private nestedInAssignment(assignment: Assignment): void {
    if (assignment.value) this.nestedInWord(assignment.value);
  }

  private nestedInWord(word: Word): void {
    for (const substitution of word.substitutions) this.visitSubstitution(substitution, null);
  }

  /** Every substitution in the words below `statement` (not inside those substitutions). */
  private nestedInStatement(statement: Statement): void {
    switch (statement.kind) {
      case 'command':
        for (const part of statement.prefix) {
          if (part.kind === 'assignment') this.nestedInAssignment(part);
          else for (const target of part.targets) this.nestedInWord(target);
        }
        this.nestedInWord(statement.name);
        for (const arg of statement.args) this.nestedInWord(arg);
        return;
      case 'redirected':
        if (statement.body) this.nestedInStatement(statement.body);
        for (const redirect of statement.redirects) for (const target of redirect.targets) this.nestedInWord(target);
        return;
      case 'assignment':
        this.nestedInAssignment(statement);
        return;
      case 'pipeline':
        for (const item of statement.items) this.nestedInStatement(item);
        return;
      case 'list':
        this.nestedInStatement(statement.left);
        this.nestedInStatement(statement.right);
        return;
      case 'group':
        for (const item of statement.items) {
          if (isWord(item)) this.nestedInWord(item);
          else this.nestedInStatement(item);
        }
        return;
    }
  }

  private assignment(node: Assignment): ShellAssignment {
    return { name: node.name, value: node.value ? this.word(node.value) : null, range: [node.start, node.end] };
  }

  private redirect(node: Redirect): ShellRedirect {
    const target = node.targets[0];
    return { operator: node.operator, target: target ? this.word(target) : null, descriptor: node.descriptor };
  }

  private word(word: Word): ShellWord {
    const text = this.text.slice(word.start, word.end);
    return { text, value: word.value ?? text, isStatic: word.value !== null, range: [word.start, word.end] };
  }
}
