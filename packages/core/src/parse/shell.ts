import type { Node as TSNode, Parser } from 'web-tree-sitter';
import { fileURLToPath } from 'node:url';
import type { Range } from './location.js';
import { parseShellFast } from './shell-fast.js';

/** A shell word with its Dockerfile offsets. */
export interface ShellWord {
  /** Source text of the word, quotes included. */
  text: string;
  /** The word after quote removal, when it has no expansion; otherwise `text`. */
  value: string;
  /** False when the word contains a parameter expansion or command substitution (glob characters stay literal). */
  isStatic: boolean;
  range: Range;
}

export interface ShellRedirect {
  operator: string;
  target: ShellWord | null;
  /** Redirect of file descriptor (`2>`), null for the default. */
  descriptor: string | null;
}

export interface ShellAssignment {
  name: string;
  value: ShellWord | null;
  range: Range;
}

export interface ShellCommand {
  /** The command word (`apt-get`), or null for a bare assignment/redirect. */
  name: ShellWord | null;
  args: ShellWord[];
  /** `FOO=bar cmd` prefixes, or a bare `FOO=bar`. */
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  range: Range;
  /** Index of the pipeline this command belongs to (commands of one `a | b` share it), or null. */
  pipeline: number | null;
  /** Inside `( … )`, `$( … )` or a backquote. */
  inSubshell: boolean;
  /** Inside a command substitution. */
  inSubstitution: boolean;
}

export interface ShellScript {
  /** Where the script text starts in the Dockerfile. */
  offset: number;
  /** The text that was parsed (same length as the Dockerfile slice it came from). */
  text: string;
  commands: ShellCommand[];
  /** The parser could not make sense of part of the script. */
  hasError: boolean;
  /** Pipelines as lists of command indexes. */
  pipelines: number[][];
}

let parser: Parser | undefined;
let initializing: Promise<void> | undefined;

/** Load the tree-sitter-bash grammar. Must be awaited once before any shell parse. */
export function initShellParser(): Promise<void> {
  if (parser) return Promise.resolve();
  initializing ??= (async () => {
    // Imported here: a run whose scripts core's own scanner reads never loads tree-sitter's code.
    const { Language, Parser } = await import('web-tree-sitter');
    await Parser.init();
    const language = await Language.load(wasmLocation());
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
  })();
  return initializing;
}

/** Set by the bundler (scripts/bundle.mjs), which puts the grammar beside the bundle. */
declare const DOCKERFILE_OPT_BASH_WASM: string | undefined;

function wasmLocation(): string {
  // src/parse/shell.ts and dist/parse/shell.js both sit two levels below the package root.
  const relative = typeof DOCKERFILE_OPT_BASH_WASM === 'string' ? DOCKERFILE_OPT_BASH_WASM : '../../wasm/tree-sitter-bash.wasm';
  return fileURLToPath(new URL(relative, import.meta.url));
}

export function isShellParserReady(): boolean {
  return parser !== undefined;
}

/**
 * Parse `text` as a shell script and return its commands. `offset` is added to every range, so
 * that ranges point into the Dockerfile the text came from. The text must already be
 * length-preserving-normalised (see `shellSourceOf`).
 */
export function parseShell(text: string, offset: number): ShellScript {
  let script = recentScripts.get(text);
  if (script) {
    // Most recently used last, so that the first key is the one to evict.
    recentScripts.delete(text);
  } else {
    script = parseUncached(text);
    if (recentScripts.size >= RECENT_SCRIPTS_LIMIT) recentScripts.delete(recentScripts.keys().next().value as string);
  }
  recentScripts.set(text, script);
  return relocated(script, offset);
}

/**
 * Scripts parsed lately, by text, with offsets from 0. Real Dockerfiles repeat whole RUN bodies
 * (variants of one image, `apt-get update && apt-get install ...` lines), and a tree-sitter parse
 * costs far more than copying its result. Repeats come close together (the files of one
 * repository are linted one after another), so a small cache catches them: 1,000 entries cost
 * 50 MiB more peak memory on the corpus than 200, for no measurable time. Since most scripts take
 * the hand-written parser, a miss costs little: 64 entries peak about 6 MiB lower than 256.
 */
const recentScripts = new Map<string, ShellScript>();
const RECENT_SCRIPTS_LIMIT = 64;

/**
 * Thrown by `parseShell` when a script needs tree-sitter and `initShellParser` has not finished.
 * The linter lets it through, so that a caller that loads the shell parser only when a file needs
 * it can await `initShellParser()` and lint the file again.
 */
export class ShellParserNotReady extends Error {
  constructor() {
    super('The shell parser is not initialised: await initShellParser() first.');
    this.name = 'ShellParserNotReady';
  }
}

function parseUncached(text: string): ShellScript {
  // Most scripts are plain enough for the hand-written parser; it returns null for the others.
  const fast = parseShellFast(text);
  if (fast) return fast;
  if (!parser) throw new ShellParserNotReady();
  return parseTreeSitter(parser, text);
}

/** The tree-sitter parse of `text` (offsets from 0), uncached: for tests that compare it with `parseShellFast`. */
export function parseShellTreeSitter(text: string): ShellScript {
  if (!parser) throw new ShellParserNotReady();
  return parseTreeSitter(parser, text);
}

function parseTreeSitter(p: Parser, text: string): ShellScript {
  const tree = p.parse(text);
  if (!tree) return { offset: 0, text, commands: [], hasError: true, pipelines: [] };
  try {
    const collector = new CommandCollector();
    collector.visit(tree.rootNode, false, false, null);
    return { offset: 0, text, commands: collector.commands, hasError: tree.rootNode.hasError, pipelines: collector.pipelines };
  } finally {
    tree.delete();
  }
}

/** A copy of `script` (no object shared, so callers may change it) with `offset` added to every range. */
function relocated(script: ShellScript, offset: number): ShellScript {
  const shift = (range: Range): Range => [range[0] + offset, range[1] + offset];
  const word = (w: ShellWord): ShellWord => ({ text: w.text, value: w.value, isStatic: w.isStatic, range: shift(w.range) });
  return {
    offset,
    text: script.text,
    hasError: script.hasError,
    pipelines: script.pipelines.map((pipeline) => [...pipeline]),
    commands: script.commands.map((c) => ({
      name: c.name && word(c.name),
      args: c.args.map(word),
      assignments: c.assignments.map((a) => ({ name: a.name, value: a.value && word(a.value), range: shift(a.range) })),
      redirects: c.redirects.map((r) => ({ operator: r.operator, target: r.target && word(r.target), descriptor: r.descriptor })),
      range: shift(c.range),
      pipeline: c.pipeline,
      inSubshell: c.inSubshell,
      inSubstitution: c.inSubstitution,
    })),
  };
}

/**
 * Make a Dockerfile slice parseable as shell while keeping every offset: comment lines inside
 * continuations become spaces (Docker drops them), and with the backtick escape character,
 * backtick-newline continuations become backslash-newline.
 */
export function shellSourceOf(slice: string, escapeChar: '\\' | '`'): string {
  let out = slice.replace(/(^|\n)([ \t]*#[^\r\n]*)(\r?\n|$)/g, (_m, lead: string, comment: string, nl: string) =>
    `${lead}${' '.repeat(comment.length)}${' '.repeat(nl.length)}`,
  );
  if (escapeChar === '`') out = out.replace(/`(\r?\n)/g, '\\$1');
  return out;
}

const SUBSHELL_TYPES = new Set(['subshell', 'command_substitution', 'process_substitution']);
const MAY_SUBSTITUTE = /\$\(|`|[<>]\(/;

/** `cat <<EOF > /file`: tree-sitter nests the file redirect inside the heredoc redirect. */
function withNestedRedirects(redirects: Array<TSNode | null>): TSNode[] {
  const out: TSNode[] = [];
  for (const r of redirects) {
    if (!r) continue;
    out.push(r);
    if (r.type === 'heredoc_redirect') out.push(...withNestedRedirects(r.childrenForFieldName('redirect')));
  }
  return out;
}

/** Collects the commands of a tree, with ranges in the parsed text. */
class CommandCollector {
  readonly commands: ShellCommand[] = [];
  readonly pipelines: number[][] = [];

  visit(node: TSNode, inSubshell: boolean, inSubstitution: boolean, pipeline: number | null): void {
    if (node.type === 'command') {
      this.command(node, [], inSubshell, inSubstitution, pipeline);
      return;
    }
    if (node.type === 'redirected_statement') {
      const body = node.childForFieldName('body');
      const redirects = withNestedRedirects(node.childrenForFieldName('redirect'));
      if (body?.type === 'command') {
        this.command(body, redirects, inSubshell, inSubstitution, pipeline);
        return;
      }
      if (!body) {
        this.commands.push(this.bare(node, [], redirects, inSubshell, inSubstitution, pipeline));
        return;
      }
      // `a | b > out`: the redirect belongs to the last command of the body.
      this.visit(body, inSubshell, inSubstitution, pipeline);
      this.commands.at(-1)?.redirects.push(...redirects.map((r) => this.redirect(r)));
      return;
    }
    if (node.type === 'variable_assignment' && node.parent?.type !== 'command') {
      this.commands.push(this.bare(node, [node], [], inSubshell, inSubstitution, pipeline));
      this.visitNested(node, inSubshell, pipeline);
      return;
    }
    let childPipeline = pipeline;
    if (node.type === 'pipeline') {
      childPipeline = this.pipelines.length;
      this.pipelines.push([]);
    }
    const sub = inSubshell || SUBSHELL_TYPES.has(node.type);
    const subst = inSubstitution || node.type === 'command_substitution';
    for (const child of node.namedChildren) {
      if (child) this.visit(child, sub, subst, childPipeline);
    }
  }

  private bare(
    node: TSNode,
    assignments: TSNode[],
    redirects: TSNode[],
    inSubshell: boolean,
    inSubstitution: boolean,
    pipeline: number | null,
  ): ShellCommand {
    return {
      name: null,
      args: [],
      assignments: assignments.map((a) => this.assignment(a)),
      redirects: redirects.map((r) => this.redirect(r)),
      range: this.range(node),
      pipeline,
      inSubshell,
      inSubstitution,
    };
  }

  private command(node: TSNode, outerRedirects: TSNode[], inSubshell: boolean, inSubstitution: boolean, pipeline: number | null): void {
    const assignments: TSNode[] = [];
    const redirects: TSNode[] = [...outerRedirects];
    const args: ShellWord[] = [];
    let name: ShellWord | null = null;
    const children = node.namedChildren;
    for (const child of children) {
      if (!child) continue;
      if (child.type === 'variable_assignment') assignments.push(child);
      else if (child.type === 'command_name') name = this.word(child.firstNamedChild ?? child);
      else if (child.type.endsWith('_redirect')) redirects.push(...withNestedRedirects([child]));
      else args.push(this.word(child));
    }
    const index = this.commands.length;
    this.commands.push({
      name,
      args,
      assignments: assignments.map((a) => this.assignment(a)),
      redirects: redirects.map((r) => this.redirect(r)),
      range: this.range(node),
      pipeline,
      inSubshell,
      inSubstitution,
    });
    if (pipeline !== null) this.pipelines[pipeline]?.push(index);
    // Commands nested in substitutions inside the arguments.
    for (const child of children) {
      if (child && child.type !== 'command_name') this.visitNested(child, inSubshell, pipeline);
    }
  }

  private visitNested(node: TSNode, inSubshell: boolean, pipeline: number | null): void {
    // Only a substitution holds commands, and its text shows it: `$(`, a backtick, `<(` or `>(`.
    // Most words have none, and walking their children costs a call into the parser per node.
    if (!MAY_SUBSTITUTE.test(node.text)) return;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'command_substitution' || child.type === 'process_substitution') {
        for (const c of child.namedChildren) if (c) this.visit(c, true, true, null);
      } else {
        this.visitNested(child, inSubshell, pipeline);
      }
    }
  }

  private assignment(node: TSNode): ShellAssignment {
    const nameNode = node.childForFieldName('name');
    const valueNode = node.childForFieldName('value');
    return { name: nameNode?.text ?? '', value: valueNode ? this.word(valueNode) : null, range: this.range(node) };
  }

  private redirect(node: TSNode): ShellRedirect {
    const dest = node.childForFieldName('destination');
    const descriptor = node.childForFieldName('descriptor');
    let operator = '';
    for (const child of node.children) {
      if (child && !child.isNamed) {
        operator = child.type;
        break;
      }
    }
    return { operator, target: dest ? this.word(dest) : null, descriptor: descriptor?.text ?? null };
  }

  private range(node: TSNode): Range {
    return [node.startIndex, node.endIndex];
  }

  word(node: TSNode): ShellWord {
    const value = staticValue(node);
    return { text: node.text, value: value ?? node.text, isStatic: value !== null, range: this.range(node) };
  }
}

/** The value of a word after quote removal, or null when it depends on the run-time environment. */
function staticValue(node: TSNode): string | null {
  switch (node.type) {
    case 'word':
    case 'number':
      return unescapeWord(node.text);
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string':
      for (const child of node.namedChildren) {
        if (child && child.type !== 'string_content') return null;
      }
      return node.text.slice(1, -1).replace(/\\([$`"\\\n])/g, '$1');
    case 'concatenation': {
      let out = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        const v = staticValue(child);
        if (v === null) return null;
        out += v;
      }
      return out;
    }
    case 'ansi_c_string':
      return node.text.slice(2, -1);
    default:
      return null;
  }
}

function unescapeWord(text: string): string {
  return text.replace(/\\\r?\n/g, '').replace(/\\(.)/g, '$1');
}

