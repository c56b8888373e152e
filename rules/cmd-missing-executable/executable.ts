import { basename, expandVariables, parseShell, resolveImagePath, shellSourceOf, type DockerfileModel, type InstructionNode, type Range, type Stage } from '@dockerfile-opt/core';

/** The program a CMD or ENTRYPOINT starts, as written. */
export interface Executable {
  node: InstructionNode;
  word: string;
  range: Range;
  /** The words after it (exec form), for init wrappers like `tini --`. */
  rest: Array<{ word: string; range: Range }>;
}

/** Init processes that run the rest of their arguments (or CMD) as the real program. */
const INIT_WRAPPERS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit']);

/** The ranges of the string contents of a JSON array written at `start` (exec form). */
function execFormRanges(text: string, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (let i = text.indexOf('[', start); i !== -1 && i < end; i++) {
    if (text[i] !== '"') continue;
    let close = i + 1;
    while (close < end && text[close] !== '"') close += text[close] === '\\' ? 2 : 1;
    ranges.push([i + 1, close]);
    i = close;
  }
  return ranges;
}

/**
 * The program an exec-form or shell-form CMD/ENTRYPOINT runs in the image of stage `image`: the
 * first array element, or the first command of the shell script (after `exec`). Null for an
 * empty exec form, or when the program's name is not known.
 */
export function executableOf(model: DockerfileModel, node: InstructionNode, image: Stage): Executable | null {
  const text = model.root.text;
  if (!node.bodyRange) return null;
  if (node.execForm) {
    const ranges = execFormRanges(text, node.bodyRange[0], node.bodyRange[1]);
    const [first, ...rest] = node.execForm;
    if (first === undefined || ranges.length !== node.execForm.length) return null;
    return { node, word: first, range: ranges[0] as Range, rest: rest.map((word, i) => ({ word, range: ranges[i + 1] as Range })) };
  }
  const source = shellSourceOf(text.slice(node.bodyRange[0], node.bodyRange[1]), model.root.escapeChar);
  const command = parseShell(source, node.bodyRange[0]).commands[0];
  if (!command?.name) return null;
  const program = command.name.value === 'exec' ? command.args[0] : command.name;
  if (!program) return null;
  const word = program.isStatic ? program.value : runtimeValue(model, image, program.text);
  return word === null ? null : { node, word, range: program.range, rest: [] };
}

/**
 * A shell word as the container's shell expands it: only the image's ENV is there at run time
 * (ARGs are not), so `$APP_HOME/server` resolves when the final stage sets APP_HOME. Null when a
 * variable is unknown or the word holds more than `$VAR`s and plain text.
 */
function runtimeValue(model: DockerfileModel, image: Stage, text: string): string | null {
  const unquoted = /^"[^"`\\]*"$/.test(text) ? text.slice(1, -1) : text;
  if (/[`'"\\]|\$\(/.test(unquoted)) return null;
  const last = image.instructions.at(-1);
  if (!last) return null;
  const env = new Map(model.stateAt(last).env);
  if (last.type === 'ENV') for (const p of last.properties) env.set(p.name.value, model.expand(p.unescapedValue ?? '', last).value ?? undefined);
  return expandVariables(unquoted, (name) => (env.has(name) ? env.get(name) : null)).value;
}

/** The stage and the stages it builds on, nearest first. */
function chainOf(stage: Stage): Stage[] {
  const chain = [stage];
  for (let base = stage.base; base.kind === 'stage'; base = base.stage.base) chain.push(base.stage);
  return chain;
}

/** The last `keyword` instruction in force in the chain, and how far up the chain it is. */
function lastInChain(chain: readonly Stage[], keyword: string): { node: InstructionNode; depth: number } | null {
  for (const [depth, stage] of chain.entries()) {
    const node = stage.instructions.filter((i) => i.type === keyword).at(-1);
    if (node) return { node, depth };
  }
  return null;
}

/**
 * The programs the final image starts: the ENTRYPOINT's, and the CMD's when there is no
 * ENTRYPOINT (or an empty one, or an init wrapper with nothing after its options). None when
 * what runs depends on an ENTRYPOINT of the base image.
 */
export function startedPrograms(model: DockerfileModel, stage: Stage, baseHasEntrypoint: boolean): Executable[] {
  const chain = chainOf(stage);
  const entrypoint = lastInChain(chain, 'ENTRYPOINT');
  const cmd = lastInChain(chain, 'CMD');
  // Setting ENTRYPOINT resets a CMD inherited from further up the chain.
  const cmdInForce = cmd && (!entrypoint || cmd.depth <= entrypoint.depth) ? cmd.node : null;
  const fromCmd = cmdInForce ? executableOf(model, cmdInForce, stage) : null;
  if (!entrypoint) return !baseHasEntrypoint && fromCmd ? [fromCmd] : [];
  const program = executableOf(model, entrypoint.node, stage);
  if (!program) return fromCmd && entrypoint.node.execForm?.length === 0 ? [fromCmd] : [];
  if (!INIT_WRAPPERS.has(basename(program.word))) return [program];
  const wrapped = program.rest.find((r) => !r.word.startsWith('-'));
  if (wrapped) return [program, { node: program.node, word: wrapped.word, range: wrapped.range, rest: [] }];
  return fromCmd ? [program, fromCmd] : [program];
}

/**
 * The working directory the container starts in, or null when it is not known: the file does not
 * set it, and the base image (unless it is known to start at `/`) may.
 */
export function startWorkdir(model: DockerfileModel, stage: Stage, baseStartsAtRoot: boolean): string | null {
  const workdir = lastInChain(chainOf(stage), 'WORKDIR');
  if (!workdir) return baseStartsAtRoot ? '/' : null;
  const target = model.workdirTarget(workdir.node);
  if (target === null) return null;
  const state = model.stateAt(workdir.node);
  if (!state.workdirKnown && !baseStartsAtRoot && !target.startsWith('/')) return null;
  return resolveImagePath(state.workdir, target);
}
