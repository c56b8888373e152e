import type {
  DockerfileNode,
  FlagNode,
  FromNode,
  InstructionNode,
  PropertyInstructionNode,
} from '../parse/ast.js';
import type { Range } from '../parse/location.js';
import type { ShellScript } from '../parse/shell.js';
import type { StageBase, Stage, StageRefKind, StageRef, InstructionState, FileWrite, CopyInfo } from './types.js';
import { buildCopyInfo, instructionWrites, parseRunScripts } from './filesystem.js';
import { hasGlob, isUnder, resolveImagePath } from './paths.js';
import { LayeredMap } from './layered-map.js';
import { runEffects, type RunEffects } from './run-effects.js';
import {
  AUTOMATIC_PLATFORM_ARGS,
  PREDEFINED_ARGS,
  expandVariables,
  type Expansion,
  type VarValue,
} from './variables.js';

export type { StageBase, Stage, StageRefKind, StageRef, InstructionState, FileWrite, CopySource, CopyInfo } from './types.js';

/** Computes a fact about an instruction from the model; see `DockerfileModel.derive`. */
export type Derivation<T> = (model: DockerfileModel, node: InstructionNode) => T;

const DEFAULT_SHELL = ['/bin/sh', '-c'];
const NO_VARS = LayeredMap.of<VarValue>();
const IMAGE_LIKE = /[:/@.]/;

export class DockerfileModel {
  readonly stages: Stage[] = [];
  /** ARGs declared before the first FROM. */
  readonly globalArgs = new Map<string, VarValue>();
  readonly refs: StageRef[] = [];
  private readonly states = new Map<InstructionNode, InstructionState>();
  private readonly stageByInstruction = new Map<InstructionNode, Stage>();
  private readonly shellCache = new Map<InstructionNode, ShellScript[]>();
  private readonly effectsCache = new Map<InstructionNode, RunEffects>();
  private writesCache: Map<Stage, FileWrite[]> | undefined;
  private readonly copyCache = new Map<InstructionNode, CopyInfo>();
  private readonly derived = new Map<Derivation<unknown>, Map<InstructionNode, unknown>>();

  constructor(readonly root: DockerfileNode) {
    this.build();
  }

  get finalStage(): Stage | null {
    return this.stages.at(-1) ?? null;
  }

  stageOf(node: InstructionNode): Stage | null {
    return this.stageByInstruction.get(node.onbuildParent ?? node) ?? null;
  }

  stageByName(name: string): Stage | null {
    const lower = name.toLowerCase();
    return this.stages.find((s) => s.name === lower) ?? null;
  }

  /** The state in force when `node` runs (before its own effect). */
  stateAt(node: InstructionNode): InstructionState {
    const state = this.states.get(node.onbuildParent ?? node);
    if (state) return state;
    return { stage: null, workdir: '/', workdirKnown: false, user: null, shell: DEFAULT_SHELL, env: NO_VARS, args: this.globalArgs };
  }

  /** Expand variables in `text` with the ARG and ENV values in force at `node`. */
  expand(text: string, node: InstructionNode): Expansion {
    const state = this.stateAt(node);
    const isFrom = node.type === 'FROM';
    return expandVariables(
      text,
      (name) => {
        if (!isFrom && state.env.has(name)) return state.env.get(name);
        if (state.args.has(name)) return state.args.get(name);
        if ((PREDEFINED_ARGS as readonly string[]).includes(name)) return undefined;
        return null;
      },
      { escapeChar: this.root.escapeChar, undeclaredIsEmpty: isFrom },
    );
  }

  /**
   * The directory a WORKDIR names, expanded and with its quotes removed (`WORKDIR "/srv/app/"`),
   * or null when a variable's value is unknown.
   */
  workdirTarget(node: InstructionNode): string | null {
    const raw = node.argsText.trim();
    const unquoted = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
    // Single quotes keep `$` literal, as in the shell.
    return raw.startsWith("'") ? unquoted : this.expand(unquoted, node).value;
  }

  /** Stages that building `target` (the final stage by default) needs, `target` included. */
  neededStages(target: Stage | null = this.finalStage): Set<Stage> {
    const needed = new Set<Stage>();
    const visit = (stage: Stage): void => {
      if (needed.has(stage)) return;
      needed.add(stage);
      if (stage.base.kind === 'stage') visit(stage.base.stage);
      for (const ref of this.refs) if (ref.stage === stage && ref.target) visit(ref.target);
    };
    if (target) visit(target);
    return needed;
  }

  /** The shell scripts a RUN executes (shell form and heredoc bodies); empty for exec form. */
  shell(node: InstructionNode): ShellScript[] {
    const cached = this.shellCache.get(node);
    if (cached) return cached;
    const scripts = parseRunScripts(this.root, node);
    this.shellCache.set(node, scripts);
    return scripts;
  }

  /**
   * A fact about `node` that several rules need (a RUN's invocations, its package-manager calls):
   * computed by the first rule that asks, then shared, for as long as this model (one file)
   * lives. `compute` is the key, so it must be one function (module level), not a new closure per
   * call; the result is shared, so callers only read it.
   */
  derive<T>(node: InstructionNode, compute: Derivation<T>): T {
    let byNode = this.derived.get(compute) as Map<InstructionNode, T> | undefined;
    if (!byNode) {
      byNode = new Map();
      this.derived.set(compute, byNode);
    }
    if (byNode.has(node)) return byNode.get(node) as T;
    const value = compute(this, node);
    byNode.set(node, value);
    return value;
  }

  /** The paths a RUN writes, from its shell AST. */
  runEffects(node: InstructionNode): RunEffects {
    let effects = this.effectsCache.get(node);
    if (!effects) {
      effects = runEffects(this.shell(node), this.stateAt(node).workdir);
      this.effectsCache.set(node, effects);
    }
    return effects;
  }

  /** COPY/ADD sources and destination. */
  copyInfo(node: InstructionNode): CopyInfo {
    let info = this.copyCache.get(node);
    if (!info) {
      info = buildCopyInfo(this, node);
      this.copyCache.set(node, info);
    }
    return info;
  }

  /** Everything a stage writes, in order (inherited writes of a parent stage first). */
  writes(stage: Stage): FileWrite[] {
    this.writesCache ??= new Map();
    let writes = this.writesCache.get(stage);
    if (writes) return writes;
    writes = stage.base.kind === 'stage' ? [...this.writes(stage.base.stage)] : [];
    for (const node of stage.instructions) writes.push(...instructionWrites(this, node));
    this.writesCache.set(stage, writes);
    return writes;
  }

  /** Some RUN of the stage (or of a parent stage) may write paths the model cannot know. */
  hasOpaqueWrites(stage: Stage): boolean {
    if (stage.base.kind === 'stage' && this.hasOpaqueWrites(stage.base.stage)) return true;
    return stage.instructions.some((n) => n.type === 'RUN' && (n.execForm !== null || this.runEffects(n).opaque));
  }

  /**
   * Whether the stage's own instructions produce `path`: `yes` (written there), `maybe` (under a
   * tree something wrote, or by a glob), or `no` (nothing the model knows wrote it).
   */
  produces(stage: Stage, path: string): 'yes' | 'maybe' | 'no' {
    let answer: 'yes' | 'maybe' | 'no' = 'no';
    for (const w of this.writes(stage)) {
      if (w.path === path && w.kind !== 'dir') return 'yes';
      // Below a `file` write too: a directory copied whole is a `file` write.
      if (w.path === path || (isUnder(path, w.path) && w.kind !== 'dir')) answer = 'maybe';
      else if (isUnder(w.path, path)) answer = 'maybe'; // copying a directory the stage wrote into
      else if (hasGlob(path)) answer = 'maybe';
    }
    return answer;
  }

  private build(): void {
    let current: Stage | null = null;
    let env = NO_VARS;
    let args = NO_VARS;
    let workdir = '/';
    let workdirKnown = false;
    let user: string | null = null;
    let shell = DEFAULT_SHELL;
    for (const name of AUTOMATIC_PLATFORM_ARGS) this.globalArgs.set(name, undefined);
    const stageState = new Map<Stage, { env: LayeredMap<VarValue>; workdir: string; workdirKnown: boolean; user: string | null; shell: string[] }>();

    for (const node of this.root.instructions) {
      if (node.type === 'FROM') {
        this.states.set(node, { stage: null, workdir: '/', workdirKnown: false, user: null, shell: DEFAULT_SHELL, env: NO_VARS, args: LayeredMap.of(this.globalArgs) });
        const stage = this.createStage(node);
        this.stageByInstruction.set(node, stage);
        if (current) stageState.set(current, { env, workdir, workdirKnown, user, shell });
        current = stage;
        const parent = stage.base.kind === 'stage' ? stageState.get(stage.base.stage) : undefined;
        env = parent?.env ?? NO_VARS;
        workdir = parent?.workdir ?? '/';
        // `scratch` has no WORKDIR: its working directory is `/`.
        workdirKnown = parent?.workdirKnown ?? stage.base.kind === 'scratch';
        user = parent?.user ?? null;
        shell = parent?.shell ?? DEFAULT_SHELL;
        // Stages see no ARG until they declare it (`ARG TARGETARCH` brings in the global one).
        args = NO_VARS;
        continue;
      }
      if (!current) {
        if (node.type === 'ARG') {
          for (const [name, value] of this.declareArgs(node, this.globalArgs, NO_VARS, true)) this.globalArgs.set(name, value);
        }
        this.states.set(node, { stage: null, workdir: '/', workdirKnown: false, user: null, shell: DEFAULT_SHELL, env: NO_VARS, args: LayeredMap.of(this.globalArgs) });
        continue;
      }
      current.instructions.push(node);
      this.stageByInstruction.set(node, current);
      this.states.set(node, { stage: current, workdir, workdirKnown, user, shell, env, args });
      switch (node.type) {
        case 'ARG':
          args = args.with(this.declareArgs(node, args, env, false));
          break;
        case 'ENV': {
          // Every value of one ENV is expanded with the variables in force before it (DL3044).
          const updates = new Map<string, VarValue>();
          const before = { env, args };
          for (const p of node.properties) {
            const expanded = expandVariables(
              p.unescapedValue ?? '',
              (n) => (before.env.has(n) ? before.env.get(n) : before.args.has(n) ? before.args.get(n) : null),
              { escapeChar: this.root.escapeChar },
            );
            updates.set(p.name.value, expanded.value ?? undefined);
          }
          env = env.with(updates);
          break;
        }
        case 'WORKDIR': {
          const target = this.workdirTarget(node);
          if (target === null) {
            workdirKnown = false;
          } else {
            workdir = resolveImagePath(workdir, target);
            // A drive path (C:\app, c:/app) is absolute in a Windows image.
            workdirKnown = workdirKnown || target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target);
          }
          break;
        }
        case 'USER':
          user = this.expand(node.argsText.trim(), node).value ?? node.argsText.trim();
          break;
        case 'SHELL':
          if (node.execForm) shell = node.execForm;
          break;
        default:
          break;
      }
    }
    if (this.stages.length > 0) (this.stages.at(-1) as Stage).isFinal = true;
    this.collectRefs();
  }

  /** The values an ARG instruction declares; later names of one ARG see the earlier ones. */
  private declareArgs(node: PropertyInstructionNode, current: ReadonlyMap<string, VarValue>, env: ReadonlyMap<string, VarValue>, isGlobal: boolean): Map<string, VarValue> {
    const updates = new Map<string, VarValue>();
    const lookup = (n: string): VarValue | null => {
      if (env.has(n)) return env.get(n);
      if (updates.has(n)) return updates.get(n);
      return current.has(n) ? current.get(n) : null;
    };
    for (const p of node.properties) {
      const name = p.name.value;
      if (p.value === null && p.operator === null) {
        // `ARG NAME` in a stage brings in the global default, if any
        updates.set(name, isGlobal ? undefined : this.globalArgs.get(name));
        continue;
      }
      const expanded = expandVariables(p.unescapedValue ?? '', lookup, { escapeChar: this.root.escapeChar, undeclaredIsEmpty: isGlobal });
      updates.set(name, expanded.value ?? undefined);
    }
    return updates;
  }

  private createStage(node: FromNode): Stage {
    const index = this.stages.length;
    const rawImage = node.image?.value ?? node.args[0]?.value ?? '';
    const expanded = this.expand(rawImage, node).value;
    let base: StageBase;
    if (expanded === null) base = { kind: 'unresolved', text: rawImage };
    else if (expanded.toLowerCase() === 'scratch') base = { kind: 'scratch' };
    else {
      const parent = this.stageByName(expanded);
      if (parent) base = { kind: 'stage', stage: parent };
      else if (expanded === '') base = { kind: 'unresolved', text: rawImage };
      else base = { kind: 'image', image: expanded, ...splitImage(expanded) };
    }
    const stage: Stage = { index, name: node.stageName?.value.toLowerCase() ?? null, from: node, instructions: [], base, isFinal: false };
    this.stages.push(stage);
    return stage;
  }

  private collectRefs(): void {
    for (const stage of this.stages) {
      if (stage.base.kind === 'stage') {
        const image = stage.from.image;
        this.refs.push({
          kind: 'from',
          node: stage.from,
          stage,
          text: image?.value ?? '',
          resolved: stage.base.stage.name,
          range: image?.range ?? stage.from.range,
          target: stage.base.stage,
          external: false,
          problem: null,
          flag: null,
        });
      }
      for (const node of stage.instructions) {
        if (node.type === 'COPY' || node.type === 'ADD') {
          const flag = node.flags.find((f) => f.name.toLowerCase() === 'from');
          if (flag?.valueToken) this.refs.push(this.resolveRef('copy', node, stage, flag.valueToken.value, flag.valueToken.range, flag));
        }
        if (node.type === 'RUN') {
          for (const flag of node.flags) {
            if (flag.name.toLowerCase() !== 'mount') continue;
            const from = flag.options.find((o) => o.name === 'from');
            if (from?.value && from.valueRange) this.refs.push(this.resolveRef('mount', node, stage, from.value, from.valueRange, flag));
          }
        }
      }
    }
  }

  private resolveRef(kind: StageRefKind, node: InstructionNode, stage: Stage, text: string, range: Range, flag: FlagNode): StageRef {
    const resolved = this.expand(text, node).value;
    const ref: StageRef = { kind, node, stage, text, resolved, range, target: null, external: false, problem: null, flag };
    if (resolved === null) return ref;
    if (/^\d+$/.test(resolved)) {
      const index = Number(resolved);
      const target = this.stages[index];
      if (!target) ref.problem = 'index-out-of-range';
      else if (target === stage) ref.problem = 'self';
      else if (target.index > stage.index) ref.problem = 'forward';
      else ref.target = target;
      return ref;
    }
    const target = this.stageByName(resolved);
    if (target === stage) ref.problem = 'self';
    else if (target && target.index > stage.index) ref.problem = 'forward';
    else if (target) ref.target = target;
    else if (IMAGE_LIKE.test(resolved) || resolved === 'scratch') ref.external = true;
    else if (kind === 'mount' && resolved === 'context') ref.external = true;
    else ref.problem = 'unknown';
    return ref;
  }


}

/** Split an image reference into name, tag and digest. */
export function splitImage(ref: string): { name: string; tag: string | null; digest: string | null } {
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, tag, digest };
}

export function buildModel(root: DockerfileNode): DockerfileModel {
  return new DockerfileModel(root);
}
