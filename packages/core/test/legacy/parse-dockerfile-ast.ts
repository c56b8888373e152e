import {
  Argument,
  DockerfileParser,
  Instruction,
  type Comment,
  type Flag,
  type From,
  type Heredoc,
  type Onbuild,
  type ParserDirective,
  type Property,
  type Variable,
} from 'dockerfile-ast';
import {
  KEYWORD_SET,
  type ArgumentNode,
  type CommentNode,
  type DirectiveNode,
  type DockerfileNode,
  type FlagNode,
  type FromNode,
  type HeredocNode,
  type ImageRefNode,
  type InstructionNode,
  type ParseError,
  type PropertyNode,
  type Token,
} from '../../src/parse/ast.js';
import { PositionMapper, type Range } from '../../src/parse/location.js';
import { joinContinuations } from '../../src/parse/parse.js';

/** An LSP-style 0-based position, as dockerfile-ast reports them. */
interface LspPosition {
  line: number;
  character: number;
}

interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** Offset of a 0-based LSP position, clamped to its line. */
function offsetOfLsp(pm: PositionMapper, p: LspPosition): number {
  const start = pm.lineStarts[p.line];
  if (start === undefined) return pm.text.length;
  return Math.min(start + p.character, pm.lineEnd(p.line));
}

const BOM = '\uFEFF';
const DIRECTIVE_LINE = /^\s*#[ \t]*[a-zA-Z][a-zA-Z0-9]*[ \t]*=[ \t]*\S/;

/**
 * The parser before the scanner: dockerfile-ast 0.7.1 and a conversion of its LSP ranges. Kept
 * as test code only, as the reference of packages/core/test/parse-differential.test.ts.
 * It throws where dockerfile-ast's getters throw.
 */
export function parseDockerfile(input: string): DockerfileNode {
  const hadBom = input.startsWith(BOM);
  const text = hadBom ? input.slice(1) : input;
  const pm = new PositionMapper(text);
  return withArgumentsMemo(() => build(text, hadBom, pm));
}

interface MemoizedMethods {
  getRawArguments: (this: Instruction) => Argument[];
  getVariables: (this: Instruction) => Variable[];
}
const instructionPrototype = Instruction.prototype as unknown as MemoizedMethods;
const computeRawArguments = instructionPrototype.getRawArguments;
const computeVariables = instructionPrototype.getVariables;

/**
 * dockerfile-ast recomputes on every call what its own getters ask for again and again: an
 * instruction's arguments (a scan of its text with a line lookup per word; most of a parse went
 * there) and its variables (each resolved by a walk over the whole file: FROM's getters made
 * files with many stages quadratic). While `run` executes, each is computed once per instruction.
 * Arguments are handed out as new Argument and Range objects every time: callers shift the array,
 * and FROM's getters write into the first argument's range.
 */
function withArgumentsMemo<T>(run: () => T): T {
  const argumentsMemo = new WeakMap<Instruction, Argument[]>();
  const variablesMemo = new WeakMap<Instruction, Variable[]>();
  instructionPrototype.getRawArguments = function memoizedRawArguments(this: Instruction): Argument[] {
    let args = argumentsMemo.get(this);
    if (!args) {
      args = computeRawArguments.call(this);
      argumentsMemo.set(this, args);
    }
    return args.map((a) => {
      const { start, end } = a.getRange();
      return new Argument(a.getValue(), { start, end });
    });
  };
  instructionPrototype.getVariables = function memoizedVariables(this: Instruction): Variable[] {
    let variables = variablesMemo.get(this);
    if (!variables) {
      variables = computeVariables.call(this);
      variablesMemo.set(this, variables);
    }
    return [...variables];
  };
  try {
    return run();
  } finally {
    instructionPrototype.getRawArguments = computeRawArguments;
    instructionPrototype.getVariables = computeVariables;
  }
}

function build(text: string, hadBom: boolean, pm: PositionMapper): DockerfileNode {
  let raw;
  try {
    raw = DockerfileParser.parse(text);
  } catch (error) {
    return emptyRoot(text, hadBom, pm, `Dockerfile could not be parsed: ${(error as Error).message}`);
  }
  const builder = new NodeBuilder(text, pm);
  // Docker only takes `# key=value` with an alphanumeric key as a directive; the rest are comments.
  const rawDirectives = raw.getDirectives();
  const isDirective = (d: ParserDirective): boolean => DIRECTIVE_LINE.test(builder.lineOf(d.getRange()));
  const directives = rawDirectives.filter(isDirective).map((d) => builder.directive(d));
  const directiveComments = rawDirectives.filter((d) => !isDirective(d)).map((d) => builder.directiveAsComment(d));
  const instructions: InstructionNode[] = [];
  for (const instruction of raw.getInstructions()) {
    instructions.push(builder.instruction(instruction, instructions.length, null));
  }
  const allComments = [...directiveComments, ...raw.getComments().map((c) => builder.comment(c))];
  const comments: CommentNode[] = [];
  for (const comment of allComments) {
    const owner = instructionContaining(instructions, comment.range);
    if (owner) owner.innerComments.push(comment);
    else comments.push(comment);
  }
  const children = [...directives, ...comments, ...instructions].sort((a, b) => a.range[0] - b.range[0]);
  const escapeChar = raw.getEscapeCharacter() === '`' ? '`' : '\\';
  const errors = [...builder.errors, ...structuralErrors(instructions, pm)];
  return {
    type: 'Dockerfile',
    text,
    hadBom,
    eol: dominantEol(text),
    escapeChar,
    directives,
    comments,
    instructions,
    children,
    errors,
    ...pm.span(0, text.length),
  };
}

/**
 * The instruction whose range strictly contains `range`'s start and its end. Instructions are in
 * document order and do not overlap, so only the last one starting before `range` can (a binary
 * search: a linear one made files with many comments quadratic).
 */
function instructionContaining(instructions: readonly InstructionNode[], range: Range): InstructionNode | undefined {
  let low = 0;
  let high = instructions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((instructions[middle] as InstructionNode).range[0] < range[0]) low = middle + 1;
    else high = middle;
  }
  const candidate = instructions[low - 1];
  return candidate && range[1] <= candidate.range[1] ? candidate : undefined;
}

function emptyRoot(text: string, hadBom: boolean, pm: PositionMapper, message: string): DockerfileNode {
  return {
    type: 'Dockerfile',
    text,
    hadBom,
    eol: dominantEol(text),
    escapeChar: '\\',
    directives: [],
    comments: [],
    instructions: [],
    children: [],
    errors: [{ message, fatal: true, ...pm.span(0, 0) }],
    ...pm.span(0, text.length),
  };
}

function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

function structuralErrors(instructions: InstructionNode[], pm: PositionMapper): ParseError[] {
  const errors: ParseError[] = [];
  if (instructions.length === 0) {
    // Docker refuses a file with no instructions (empty, or only comments and directives).
    errors.push({ message: 'The Dockerfile has no instructions', fatal: true, ...pm.span(0, 0) });
  }
  for (const node of instructions) {
    if (node.type === 'Instruction') {
      errors.push({
        message: `Unknown instruction: ${node.keywordToken.text}`,
        fatal: true,
        ...pm.span(node.keywordToken.range[0], node.keywordToken.range[1]),
      });
    }
  }
  return errors;
}

class NodeBuilder {
  readonly errors: ParseError[] = [];

  constructor(
    private readonly text: string,
    private readonly pm: PositionMapper,
  ) {}

  private range(r: LspRange): Range {
    return [offsetOfLsp(this.pm, r.start), offsetOfLsp(this.pm, r.end)];
  }

  token(r: LspRange, value?: string): Token {
    const [start, end] = this.range(r);
    const text = this.text.slice(start, end);
    return { text, value: value ?? text, ...this.pm.span(start, end) };
  }

  directive(d: ParserDirective): DirectiveNode {
    const nameToken = this.token(d.getNameRange(), d.getName().toLowerCase());
    const valueToken = this.token(d.getValueRange(), d.getValue());
    const [start] = this.range(d.getRange());
    return {
      type: 'ParserDirective',
      name: nameToken.value,
      value: valueToken.value,
      nameToken,
      valueToken,
      ...this.pm.span(start, Math.max(valueToken.range[1], nameToken.range[1])),
    };
  }

  /** The source line a range starts on. */
  lineOf(r: LspRange): string {
    const start = this.pm.lineStarts[r.start.line] ?? 0;
    return this.text.slice(start, this.pm.lineEnd(r.start.line));
  }

  directiveAsComment(d: ParserDirective): CommentNode {
    const [start, end] = this.range(d.getRange());
    const hash = this.text.lastIndexOf('#', start);
    const from = hash >= 0 && this.text.slice(hash + 1, start).trim() === '' ? hash : start;
    return { type: 'Comment', value: this.text.slice(from + 1, end), ...this.pm.span(from, end) };
  }

  comment(c: Comment): CommentNode {
    const [start, end] = this.range(c.getRange());
    const full = this.text.slice(start, end);
    const hash = full.indexOf('#');
    return { type: 'Comment', value: full.slice(hash + 1), ...this.pm.span(start + Math.max(hash, 0), end) };
  }

  instruction(raw: Instruction, index: number, onbuildParent: InstructionNode | null): InstructionNode {
    const [start, end] = this.range(raw.getRange());
    const keywordToken = this.token(raw.getInstructionRange(), raw.getKeyword());
    const keyword = raw.getKeyword();
    const heredocs = this.heredocs(raw);
    // An empty heredoc has no content range: its body (the delimiter line) starts on the line after the opener.
    const bodyStart = (h: HeredocNode): number => h.contentRange?.[0] ?? this.lineAfter(h.nameToken.range[1], h.range[1]);
    const firstBody = heredocs.reduce((min, h) => Math.min(min, bodyStart(h)), Infinity);
    const flags = this.flags(raw);
    const afterFlags = flags.length > 0 ? (flags.at(-1) as FlagNode).range[1] : keywordToken.range[1];
    const args = raw
      .getArguments()
      .map((a) => this.argument(a))
      .filter((a) => a.range[0] >= afterFlags && a.range[0] < firstBody);
    const argsRanges = raw.getArgumentsRange();
    const argsRange = argsRanges ? this.range(argsRanges) : null;
    const bodyRange: Range | null =
      args.length > 0 ? [(args[0] as ArgumentNode).range[0], (args.at(-1) as ArgumentNode).range[1]] : null;
    const argsText = raw.getArgumentsContent() ?? '';
    const body = bodyRange ? joinContinuations(this.text.slice(bodyRange[0], bodyRange[1])) : '';
    const base = {
      index,
      keyword,
      keywordToken,
      flags,
      args,
      argsText,
      argsRange,
      bodyRange,
      heredocs,
      execForm: heredocs.length === 0 ? execForm(body) : null,
      innerComments: [] as CommentNode[],
      onbuildParent,
      ...this.pm.span(start, end),
    };
    switch (keyword) {
      case 'FROM':
        return this.from(raw as From, base);
      case 'ENV':
      case 'LABEL':
      case 'ARG': {
        let properties = this.properties(raw);
        // dockerfile-ast reads `ARG A B` as ENV's legacy `name value` form; ARG has no such form:
        // it declares A and B
        if (keyword === 'ARG' && properties.some((p) => p.operator === null && p.value !== null)) properties = base.args.map((a) => this.argProperty(a));
        return { ...base, type: keyword, properties };
      }
      case 'ONBUILD': {
        const node = { ...base, type: 'ONBUILD' as const, trigger: null as InstructionNode | null };
        const trigger = (raw as Onbuild).getTriggerInstruction();
        if (trigger) node.trigger = this.instruction(trigger, index, node);
        return node;
      }
      default:
        return {
          ...base,
          type: KEYWORD_SET.has(keyword) ? (keyword as Exclude<InstructionNode['type'], 'FROM'>) : 'Instruction',
        } as InstructionNode;
    }
  }

  /** The offset where the line after `offset` starts, or `fallback` when there is none. */
  private lineAfter(offset: number, fallback: number): number {
    const newline = this.text.slice(offset).search(/\r\n|\r|\n/);
    if (newline === -1) return fallback;
    return offset + newline + (this.text.startsWith('\r\n', offset + newline) ? 2 : 1);
  }

  private from(raw: From, base: Omit<FromNode, 'type' | 'image' | 'asKeyword' | 'stageName'>): FromNode {
    const imageRange = raw.getImageRange();
    let image: ImageRefNode | null = null;
    if (imageRange) {
      const opt = (r: LspRange | null, v: string | null): Token | null => (r && v !== null ? this.token(r, v) : null);
      image = {
        ...this.token(imageRange, raw.getImage() ?? undefined),
        registry: opt(raw.getRegistryRange(), raw.getRegistry()),
        name: opt(raw.getImageNameRange(), raw.getImageName()),
        tag: opt(raw.getImageTagRange(), raw.getImageTag()),
        digest: opt(raw.getImageDigestRange(), raw.getImageDigest()),
      };
    }
    const stageRange = raw.getBuildStageRange();
    const stageName = stageRange ? this.token(stageRange, raw.getBuildStage() ?? undefined) : null;
    const asIndex = base.args.findIndex((a) => a.value.toUpperCase() === 'AS');
    const asKeyword = stageName && asIndex > 0 ? (base.args[asIndex] as ArgumentNode) : null;
    return { ...base, type: 'FROM', image, asKeyword, stageName };
  }

  private argument(a: Argument): ArgumentNode {
    return { type: 'Argument', ...this.token(a.getRange(), a.getValue()) };
  }

  private flags(raw: Instruction): FlagNode[] {
    const getFlags = (raw as unknown as { getFlags?: () => Flag[] }).getFlags;
    if (typeof getFlags !== 'function') return [];
    return getFlags.call(raw).map((f) => {
      const [start, end] = this.range(f.getRange());
      const valueRange = f.getValueRange();
      return {
        type: 'Flag' as const,
        name: f.getName(),
        value: f.getValue(),
        nameToken: this.token(f.getNameRange(), f.getName()),
        valueToken: valueRange ? this.token(valueRange, f.getValue() ?? '') : null,
        options: f.getOptions().map((o) => {
          const [os, oe] = this.range(o.getRange());
          const vr = o.getValueRange();
          return {
            name: o.getName(),
            value: o.getValue(),
            nameRange: this.range(o.getNameRange()),
            valueRange: vr ? this.range(vr) : null,
            ...this.pm.span(os, oe),
          };
        }),
        // dockerfile-ast's flag range starts after the dashes
        ...this.pm.span(this.text.lastIndexOf('--', start) === start - 2 ? start - 2 : start, end),
      };
    });
  }

  private heredocs(raw: Instruction): HeredocNode[] {
    const getHeredocs = (raw as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs;
    if (typeof getHeredocs !== 'function') return [];
    return getHeredocs.call(raw).map((h) => {
      const [start] = this.range(h.getStartRange());
      const contentRange = h.getContentRange();
      const delimiter = h.getDelimiterRange();
      const end = delimiter ? this.range(delimiter)[1] : contentRange ? this.range(contentRange)[1] : this.range(h.getNameRange())[1];
      const content = contentRange ? this.range(contentRange) : null;
      const opener = this.text.slice(start, this.range(h.getNameRange())[0]);
      return {
        type: 'Heredoc' as const,
        name: h.getName(),
        nameToken: this.token(h.getNameRange(), h.getName()),
        content: content ? this.text.slice(content[0], content[1]) : null,
        contentRange: content,
        stripTabs: opener.includes('<<-'),
        quoted: /['"]$/.test(opener),
        ...this.pm.span(start, end),
      };
    });
  }

  /** One `NAME` or `NAME=value` word of an ARG as a property. */
  private argProperty(arg: ArgumentNode): PropertyNode {
    const eq = arg.text.indexOf('=');
    const [start, end] = arg.range;
    if (eq === -1) return { name: this.slice(start, end), value: null, unescapedValue: null, operator: null, ...this.pm.span(start, end) };
    const value = this.slice(start + eq + 1, end);
    return { name: this.slice(start, start + eq), value, unescapedValue: value.value.replace(/^(["'])(.*)\1$/s, '$2'), operator: '=', ...this.pm.span(start, end) };
  }

  private slice(start: number, end: number): Token {
    const text = this.text.slice(start, end);
    return { text, value: text, ...this.pm.span(start, end) };
  }

  private properties(raw: Instruction): PropertyNode[] {
    const getProperties = (raw as unknown as { getProperties?: () => Property[] }).getProperties;
    if (typeof getProperties !== 'function') return [];
    return getProperties.call(raw).map((p) => {
      const [start, end] = this.range(p.getRange());
      const valueRange = p.getValueRange();
      return {
        name: this.token(p.getNameRange(), p.getName()),
        value: valueRange ? this.token(valueRange, p.getValue() ?? '') : null,
        unescapedValue: p.getValue(),
        operator: p.getAssignmentOperator() === '=' ? ('=' as const) : null,
        ...this.pm.span(start, end),
      };
    });
  }
}

function execForm(body: string): string[] | null {
  const trimmed = body.trim();
  if (!trimmed.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed) && parsed.every((x): x is string => typeof x === 'string')) return parsed;
  } catch {
    return null;
  }
  return null;
}
