import { posix } from 'node:path';
import { isUnder, resolveImagePath, type DockerfileModel, type InstructionNode, type Stage } from '@dockerfile-opt/core';
import type { ArtifactPlan, PathMove } from './plan.js';
import type { Route } from './routing.js';

/** A word of the stage's CMD or ENTRYPOINT. */
export interface EntryWord {
  node: InstructionNode;
  value: string;
  /** The absolute path the word names, when it looks like a file path. */
  path: string | null;
}

const FILE_LIKE = /\/|\.(jar|war|js|mjs|cjs|py|dll|sh)$/;
/** Programs that exist only in the toolchain image. */
const BUILD_TOOLS = new Set(['go', 'mvn', 'mvnw', 'gradle', 'gradlew', 'cargo', 'javac', 'ts-node', 'nodemon', 'tsx']);

/** The instructions that decide what the container runs: the last ENTRYPOINT and the last CMD. */
export function entryInstructions(stage: Stage): InstructionNode[] {
  const last = (type: string): InstructionNode | undefined => stage.instructions.filter((n) => n.type === type).at(-1);
  return [last('ENTRYPOINT'), last('CMD')].filter((n): n is InstructionNode => n !== undefined);
}

function wordsOf(node: InstructionNode): string[] {
  return node.execForm ?? node.args.map((a) => a.value);
}

export function entryWords(model: DockerfileModel, stage: Stage): EntryWord[] {
  const out: EntryWord[] = [];
  for (const node of entryInstructions(stage)) {
    const workdir = model.stateAt(node).workdir;
    for (const value of wordsOf(node)) {
      const looksLikePath = !value.startsWith('-') && !value.includes('$') && FILE_LIKE.test(value);
      out.push({ node, value, path: looksLikePath ? resolveImagePath(workdir, value) : null });
    }
  }
  return out;
}

/** Why the container cannot start without the toolchain (`go run`, `mvn spring-boot:run`), or null. */
export function entryNeedsToolchain(stage: Stage): string | null {
  const [first] = entryInstructions(stage);
  if (!first) return null;
  const words = wordsOf(first).filter((w) => !/^[A-Za-z_]\w*=/.test(w));
  const program = posix.basename(words[0] ?? '');
  if (BUILD_TOOLS.has(program) || (program === 'dotnet' && (words[1] === 'run' || words[1] === 'watch'))) {
    return `how to start the app without the toolchain (${first.keyword} runs \`${words.slice(0, 2).join(' ')}\`)`;
  }
  return null;
}

/** The download tool a HEALTHCHECK relies on (`curl`, `wget`): slim and distroless images lack both. */
export function healthcheckTool(stage: Stage): string | null {
  for (const node of stage.instructions) {
    const tool = node.type === 'HEALTHCHECK' ? /\b(curl|wget)\b/.exec(node.argsText)?.[1] : undefined;
    if (tool) return tool;
  }
  return null;
}

/** A shell-form CMD/ENTRYPOINT/HEALTHCHECK, or a script, needs `/bin/sh` in the runtime image. */
export function entryNeedsShell(stage: Stage): boolean {
  for (const node of stage.instructions) {
    if (node.type === 'HEALTHCHECK') {
      if (/^\s*(--\S+\s+)*CMD\s+(?!\[)/i.test(node.argsText)) return true;
      if (/\b(sh|bash)\b/.test(node.argsText)) return true;
    }
  }
  for (const node of entryInstructions(stage)) {
    if (!node.execForm) return true;
    const program = posix.basename(node.execForm[0] ?? '');
    if (/^(sh|bash|ash|dash)$/.test(program) || program.endsWith('.sh')) return true;
  }
  return false;
}

/** The new location of `path` after the artifact moves, or null when it stays. */
function movedPath(path: string, moves: readonly PathMove[]): string | null {
  for (const move of moves) {
    if (path === move.from) return move.to;
    if (isUnder(path, move.from)) return move.to + path.slice(move.from.length);
  }
  return null;
}

/** The instruction's text with the words that name a moved artifact pointing at its new place. */
export function adjustEntryText(model: DockerfileModel, node: InstructionNode, moves: readonly PathMove[]): string {
  const text = model.root.text;
  const start = node.range[0];
  let out = text.slice(start, node.range[1]);
  const workdir = model.stateAt(node).workdir;
  const replacements: Array<{ range: [number, number]; text: string }> = [];
  const body = node.bodyRange ?? node.range;
  for (const value of wordsOf(node)) {
    if (value.startsWith('-') || value.includes('$') || !FILE_LIKE.test(value)) continue;
    const moved = movedPath(resolveImagePath(workdir, value), moves);
    if (moved === null) continue;
    let replacement = value.startsWith('/') ? moved : posix.relative(workdir, moved) || '.';
    if (value.startsWith('./') && !replacement.startsWith('.')) replacement = `./${replacement}`;
    const needle = node.execForm ? JSON.stringify(value) : value;
    const at = text.indexOf(needle, body[0]);
    if (at === -1 || at >= body[1]) continue;
    replacements.push({ range: [at - start, at - start + needle.length], text: node.execForm ? JSON.stringify(replacement) : replacement });
  }
  for (const r of replacements.sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, r.range[0]) + r.text + out.slice(r.range[1]);
  return out;
}

/**
 * A file CMD/ENTRYPOINT runs that the original stage put in place (a copied script, a built file)
 * but that the runtime stage would not receive: neither the artifact nor a run-time copy holds it.
 */
export function uncoveredEntryWord(model: DockerfileModel, stage: Stage, plan: ArtifactPlan, routes: readonly Route[]): string | null {
  const runtimeCopies = routes.filter((r) => r.runtime && (r.node.type === 'COPY' || r.node.type === 'ADD')).map((r) => model.copyInfo(r.node).destPath);
  for (const word of entryWords(model, stage)) {
    const path = word.path;
    if (path === null || movedPath(path, plan.moves) !== null || model.produces(stage, path) === 'no') continue;
    const covered =
      plan.copies.some((c) => path === c.dest || (!c.sourceIsFile || c.destIsDir) && isUnder(path, c.dest)) ||
      runtimeCopies.some((dest) => dest !== null && isUnder(path, dest));
    if (!covered) return word.value;
  }
  return null;
}

