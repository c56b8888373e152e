import type { CommentNode, DirectiveNode, DockerfileNode, InstructionNode, ParseError } from './ast.js';
import { buildInstruction, instructionEnd } from './instruction.js';
import { PositionMapper, type Range } from './location.js';
import { Source } from './source.js';
import { escapeOf, scanDirectives, scanLayout, type RawDirective } from './structure.js';

export { joinContinuations } from './instruction.js';

const BOM = '\uFEFF';
/** Docker takes `# key=value` with an alphanumeric key as a directive; other such lines are comments. */
const DIRECTIVE_LINE = /^\s*#[ \t]*[a-zA-Z][a-zA-Z0-9]*[ \t]*=[ \t]*\S/;

/** Parse a Dockerfile. Never throws: problems become `errors` on the root node. */
export function parseDockerfile(input: string): DockerfileNode {
  return parseWithPositions(input).root;
}

/** `parseDockerfile`, and the line table of the parsed text, for a caller that maps offsets too (the linter). */
export function parseWithPositions(input: string): { root: DockerfileNode; positions: PositionMapper } {
  const hadBom = input.startsWith(BOM);
  const text = hadBom ? input.slice(1) : input;
  const pm = new PositionMapper(text);
  try {
    return { root: scan(text, hadBom, pm), positions: pm };
  } catch (error) {
    return { root: emptyRoot(text, hadBom, pm, `Dockerfile could not be parsed: ${(error as Error).message}`), positions: pm };
  }
}

function scan(text: string, hadBom: boolean, pm: PositionMapper): DockerfileNode {
  const rawDirectives = scanDirectives(text);
  const escapeChar = escapeOf(text, rawDirectives);
  const src = new Source(text, escapeChar, pm);
  const directives: DirectiveNode[] = [];
  const directiveComments: CommentNode[] = [];
  for (const d of rawDirectives) {
    if (DIRECTIVE_LINE.test(lineAt(src, d.hash))) directives.push(directive(src, d));
    else directiveComments.push({ type: 'Comment', value: text.slice(d.hash + 1, d.lineEnd), ...src.span(d.hash, d.lineEnd) });
  }
  let from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (rawDirectives.length > 0) from = pm.lineStarts[rawDirectives.length] ?? text.length;
  const layout = scanLayout(src, from, (x) => instructionEnd(src, x));
  const instructions = layout.instructions.map((x, index) => buildInstruction(src, x, index, null));
  const comments: CommentNode[] = [];
  const allComments = [
    ...directiveComments,
    ...layout.comments.map(([start, end]): CommentNode => ({ type: 'Comment', value: text.slice(start + 1, end), ...src.span(start, end) })),
  ];
  for (const comment of allComments) {
    const owner = instructionContaining(instructions, comment.range);
    if (owner) owner.innerComments.push(comment);
    else comments.push(comment);
  }
  const children = [...directives, ...comments, ...instructions].sort((a, b) => a.range[0] - b.range[0]);
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
    errors: structuralErrors(instructions, src),
    ...pm.span(0, text.length),
  };
}

/** The source line `offset` is on. */
function lineAt(src: Source, offset: number): string {
  const line = src.pm.position(offset).line - 1;
  return src.text.slice(src.pm.lineStarts[line] ?? 0, src.pm.lineEnd(line));
}

function directive(src: Source, d: RawDirective): DirectiveNode {
  const nameToken = src.token(d.nameStart, d.nameEnd, src.text.slice(d.nameStart, d.nameEnd).toLowerCase());
  const valueToken = src.token(d.valueStart, d.valueEnd);
  return {
    type: 'ParserDirective',
    name: nameToken.value,
    value: valueToken.value,
    nameToken,
    valueToken,
    ...src.span(d.hash, Math.max(valueToken.range[1], nameToken.range[1])),
  };
}

/**
 * The instruction whose range strictly contains `range`'s start and its end. Instructions are in
 * document order and do not overlap, so only the last one starting before `range` can.
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

function structuralErrors(instructions: InstructionNode[], src: Source): ParseError[] {
  const errors: ParseError[] = [];
  if (instructions.length === 0) {
    // Docker refuses a file with no instructions (empty, or only comments and directives).
    errors.push({ message: 'The Dockerfile has no instructions', fatal: true, ...src.span(0, 0) });
  }
  for (const node of instructions) {
    if (node.type === 'Instruction') {
      errors.push({ message: `Unknown instruction: ${node.keywordToken.text}`, fatal: true, ...src.span(node.keywordToken.range[0], node.keywordToken.range[1]) });
    }
  }
  return errors;
}
