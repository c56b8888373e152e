import type { Range, Span } from './location.js';

/** Every instruction keyword Docker knows. */
export const KEYWORDS = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
] as const;

export type Keyword = (typeof KEYWORDS)[number];
export const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** A piece of source text: `text` is exactly what the file holds, `value` the logical value
 * (line continuations removed). */
export interface Token extends Span {
  text: string;
  value: string;
}

export interface CommentNode extends Span {
  type: 'Comment';
  /** Text after the `#`, untrimmed. */
  value: string;
}

export interface DirectiveNode extends Span {
  type: 'ParserDirective';
  /** Lower-cased directive name (`syntax`, `escape`, `check`). */
  name: string;
  value: string;
  nameToken: Token;
  valueToken: Token;
}

export interface FlagOptionNode extends Span {
  name: string;
  value: string | null;
  nameRange: Range;
  valueRange: Range | null;
}

export interface FlagNode extends Span {
  type: 'Flag';
  name: string;
  value: string | null;
  nameToken: Token;
  valueToken: Token | null;
  /** Comma-separated `key=value` options (`--mount=type=cache,target=/x`). */
  options: FlagOptionNode[];
}

export interface ArgumentNode extends Token {
  type: 'Argument';
}

export interface HeredocNode extends Span {
  type: 'Heredoc';
  name: string;
  nameToken: Token;
  /** The body between the opening line and the delimiter; null when the heredoc is unterminated/empty. */
  content: string | null;
  contentRange: Range | null;
  /** `<<-`: leading tabs are stripped from the body. */
  stripTabs: boolean;
  /** `<<'EOF'` or `<<"EOF"`: no expansion in the body. */
  quoted: boolean;
}

export interface PropertyNode extends Span {
  name: Token;
  value: Token | null;
  /** The unquoted, unescaped value. */
  unescapedValue: string | null;
  /** `=` or null for the legacy `ENV key value` form. */
  operator: '=' | null;
}

export interface ImageRefNode extends Token {
  registry: Token | null;
  name: Token | null;
  tag: Token | null;
  digest: Token | null;
}

interface InstructionBase extends Span {
  /** Index among the file's instructions (ONBUILD triggers share their parent's index). */
  index: number;
  /** Upper-cased keyword. */
  keyword: string;
  /** The keyword as written. */
  keywordToken: Token;
  flags: FlagNode[];
  /** Arguments after the flags; heredoc bodies are excluded. */
  args: ArgumentNode[];
  /** Logical text of everything after the keyword (flags included), continuations joined. */
  argsText: string;
  /** Source range of everything after the keyword, or null when there is nothing. */
  argsRange: Range | null;
  /** Source range of the arguments after the flags (the shell command of a RUN), or null. */
  bodyRange: Range | null;
  heredocs: HeredocNode[];
  /** Exec form (a JSON array of strings), or null for shell form. */
  execForm: string[] | null;
  /** Comments on their own line inside this instruction's continuation lines. */
  innerComments: CommentNode[];
  /** The ONBUILD instruction this node is the trigger of. */
  onbuildParent: InstructionNode | null;
}

export interface FromNode extends InstructionBase {
  type: 'FROM';
  image: ImageRefNode | null;
  asKeyword: Token | null;
  stageName: Token | null;
}

export interface PropertyInstructionNode extends InstructionBase {
  type: 'ENV' | 'LABEL' | 'ARG';
  properties: PropertyNode[];
}

export interface OnbuildNode extends InstructionBase {
  type: 'ONBUILD';
  trigger: InstructionNode | null;
}

export interface PlainInstructionNode extends InstructionBase {
  type: Exclude<Keyword, 'FROM' | 'ENV' | 'LABEL' | 'ARG' | 'ONBUILD'> | 'Instruction';
}

export type InstructionNode = FromNode | PropertyInstructionNode | OnbuildNode | PlainInstructionNode;
export type InstructionType = InstructionNode['type'];

export interface ParseError {
  message: string;
  range: Range;
  loc: Span['loc'];
  /** Fatal errors make Docker reject the file. */
  fatal: boolean;
}

export interface DockerfileNode extends Span {
  type: 'Dockerfile';
  /** The text that was parsed (without a BOM). */
  text: string;
  hadBom: boolean;
  /** `\r\n` when most line breaks are CRLF, else `\n`. */
  eol: '\n' | '\r\n';
  escapeChar: '\\' | '`';
  directives: DirectiveNode[];
  comments: CommentNode[];
  instructions: InstructionNode[];
  /** Directives, top-level comments and instructions in source order. */
  children: Array<DirectiveNode | CommentNode | InstructionNode>;
  errors: ParseError[];
}

export type DockerfileSyntaxNode =
  | DockerfileNode
  | DirectiveNode
  | CommentNode
  | InstructionNode
  | FlagNode
  | ArgumentNode
  | HeredocNode;

/** Child keys for generic traversal (ESLint's visitorKeys). */
export const visitorKeys: Record<string, string[]> = {
  Dockerfile: ['children'],
  ParserDirective: [],
  Comment: [],
  Argument: [],
  Flag: [],
  Heredoc: [],
  Instruction: ['flags', 'args', 'heredocs'],
  // ONBUILD triggers run in a downstream build, so they are not visited as instructions of this one.
  ...Object.fromEntries(KEYWORDS.map((k) => [k, ['flags', 'args', 'heredocs']])),
};

export function isInstruction(node: { type: string }): node is InstructionNode {
  return node.type === 'Instruction' || KEYWORD_SET.has(node.type);
}
