import { defineRule, resolveImagePath, type DockerfileModel, type Stage } from '@dockerfile-opt/core';
import { findToolchain, runtimeHasUser, runtimeOverride, type RuntimeChoice, type ToolchainMatch } from '../knowledge/runtime-images.js';
import { inferArtifacts } from './artifacts.js';
import type { Inferred } from './plan.js';
import { buildSteps, type BuildStep } from './builds.js';
import { entryNeedsShell, entryNeedsToolchain, entryWords, healthcheckTool, uncoveredEntryWord } from './entry.js';
import { rewriteFinalStage } from './rewrite.js';
import { routeInstructions } from './routing.js';
import { settleLayerOrder } from './settle.js';

interface Options {
  /** Toolchain image (`golang`, `golang:1.22`, `mycorp/builder`) -> runtime image. */
  runtimeImages?: Record<string, string>;
}

const BUILDER_NAMES = ['builder', 'build', 'compile'];

export default defineRule<[Options]>({
  id: 'prefer-multi-stage',
  meta: {
    category: 'performance',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    description: 'The final stage does not compile on a toolchain image: build in a builder stage and ship only the artifact.',
    messages: {
      toolchain: 'The final stage runs `{{step}}` on the toolchain image "{{toolchain}}" and ships the toolchain, sources and caches; build in a builder stage and copy the artifact into "{{runtime}}".',
      toolchainNoFix:
        'The final stage runs `{{step}}` on the toolchain image "{{toolchain}}" and ships the toolchain, sources and caches; build in a builder stage and copy the artifact into {{runtime}}. No automatic rewrite: the rule cannot tell {{missing}}.',
    },
    schema: [
      {
        type: 'object',
        properties: { runtimeImages: { type: 'object', additionalProperties: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ runtimeImages: {} }],
  },
  create(ctx) {
    const overrides = ctx.options[0]?.runtimeImages ?? {};
    return {
      'Dockerfile:exit'() {
        const model = ctx.model;
        const stage = model.finalStage;
        const image = stage?.from.image;
        if (!stage || !image) return;
        const base = baseImage(model, stage);
        if (!base) return;
        const custom = runtimeOverride(overrides, base.name, base.tag);
        const toolchain = findToolchain(base.name, base.tag);
        if (!toolchain && !custom) return;
        const steps = buildSteps(model, stage).filter((s) => !toolchain || s.ecosystem === toolchain.entry.ecosystem);
        const first = steps[0];
        if (!first) return;
        const sameEcosystem = steps.filter((s) => s.ecosystem === first.ecosystem);
        const { path: runtimeWorkdir, known: runtimeWorkdirKnown } = finalWorkdir(model, stage);
        const inferred = inferArtifacts({ model, stage, steps: sameEcosystem, runtimeWorkdir, runtimeWorkdirKnown, entry: entryWords(model, stage), readContextFile: ctx.readContextFile });
        const cgo = 'plan' in inferred ? inferred.plan.cgo : true;
        const choice = custom !== null ? { image: custom } : toolchain ? runtimeFor(model, stage, toolchain, cgo) : null;
        if (!choice) return;
        const data = {
          step: first.label,
          toolchain: base.tag === null ? base.name : `${base.name}:${base.tag}`,
          runtime: 'image' in choice ? choice.image : 'a runtime image',
        };
        const plan = planRewrite({ model, stage, steps: sameEcosystem, choice, custom: custom !== null, inferred, runtimeWorkdir, runtimeWorkdirKnown, readContextFile: ctx.readContextFile, eol: ctx.eol });
        if ('missing' in plan) {
          ctx.report({ node: image, messageId: 'toolchainNoFix', data: { ...data, runtime: 'image' in choice ? `"${choice.image}"` : 'a runtime image', missing: plan.missing } });
          return;
        }
        ctx.report({
          node: image,
          messageId: 'toolchain',
          data,
          fix: { edits: [plan], safety: 'unsafe', late: true, description: `Rewrite into a "${plan.builderName}" stage and a runtime stage from ${data.runtime}` },
        });
      },
    };
  },
});

/** The external image a stage starts from, following `FROM <stage>` chains. */
function baseImage(model: DockerfileModel, stage: Stage): { name: string; tag: string | null } | null {
  let current: Stage = stage;
  for (let depth = 0; depth < model.stages.length && current.base.kind === 'stage'; depth++) current = current.base.stage;
  return current.base.kind === 'image' ? { name: current.base.name, tag: current.base.tag } : null;
}

function runtimeFor(model: DockerfileModel, stage: Stage, toolchain: ToolchainMatch, cgo: boolean): RuntimeChoice {
  const choice = toolchain.entry.runtime(toolchain.tag, { shell: entryNeedsShell(stage), cgo });
  return 'image' in choice ? { image: restoreVariables(model, stage, choice.image) } : choice;
}

interface PlanInput {
  model: DockerfileModel;
  stage: Stage;
  steps: readonly BuildStep[];
  choice: RuntimeChoice;
  /** The runtime image comes from the `runtimeImages` option. */
  custom: boolean;
  inferred: Inferred;
  runtimeWorkdir: string;
  runtimeWorkdirKnown: boolean;
  readContextFile: ((p: string) => string | null) | undefined;
  eol: string;
}

type Plan = { range: [number, number]; text: string; builderName: string } | { missing: string };

function planRewrite({ model, stage, steps, choice, custom, inferred, runtimeWorkdir, runtimeWorkdirKnown, readContextFile, eol }: PlanInput): Plan {
  if ('missing' in choice) return choice;
  const tool = healthcheckTool(stage);
  if (tool && !custom) return { missing: `whether "${choice.image}" has ${tool} for the HEALTHCHECK (name a runtime image that has it in the \`runtimeImages\` option)` };
  const needsToolchain = entryNeedsToolchain(stage);
  if (needsToolchain) return { missing: needsToolchain };
  if ('missing' in inferred) return inferred;
  const ecosystem = (steps[0] as BuildStep).ecosystem;
  const linksLibraries = ecosystem === 'python' || ecosystem === 'node' || ecosystem === 'rust' || inferred.plan.cgo;
  const routing = routeInstructions({ model, stage, ecosystem, steps, keepSources: inferred.plan.keepSources, linksLibraries, readContextFile });
  if ('missing' in routing) return routing;
  const user = custom ? undefined : missingUser(model, stage, choice.image);
  if (user !== undefined) return { missing: `whether "${choice.image}" has the user "${user}" (name a runtime image that has it in the \`runtimeImages\` option, or use a numeric USER)` };
  const uncovered = uncoveredEntryWord(model, stage, inferred.plan, routing.routes);
  if (uncovered) return { missing: `how the runtime stage gets "${uncovered}", which the container runs` };
  const taken = new Set(model.stages.map((s) => s.name));
  const builderName = BUILDER_NAMES.find((n) => !taken.has(n)) ?? `builder-${model.stages.length}`;
  const rewrite = rewriteFinalStage({ model, stage, routes: routing.routes, plan: inferred.plan, runtimeImage: choice.image, builderName, runtimeWorkdir, runtimeWorkdirKnown, eol });
  return 'missing' in rewrite ? rewrite : { ...settleLayerOrder(model.root.text, rewrite, readContextFile), builderName };
}

/** A USER name of the stage that the runtime image is not known to have (the toolchain image had it). */
function missingUser(model: DockerfileModel, stage: Stage, runtimeImage: string): string | undefined {
  const users = stage.instructions.filter((n) => n.type === 'USER').map((n) => (model.expand(n.argsText.trim(), n).value ?? n.argsText.trim()).split(':')[0] as string);
  return users.find((name) => !runtimeHasUser(runtimeImage, name));
}

/** The working directory once all the stage's WORKDIRs have run, and whether the model knows every one of them. */
function finalWorkdir(model: DockerfileModel, stage: Stage): { path: string; known: boolean } {
  const workdirs = stage.instructions.filter((n) => n.type === 'WORKDIR');
  const targets = workdirs.map((n) => model.workdirTarget(n));
  const last = workdirs.at(-1);
  const lastTarget = targets.at(-1);
  const known = targets.every((t) => t !== null);
  if (!last) return { path: stage.instructions[0] ? model.stateAt(stage.instructions[0]).workdir : '/', known };
  return { path: lastTarget ? resolveImagePath(model.stateAt(last).workdir, lastTarget) : model.stateAt(last).workdir, known };
}

/**
 * `FROM node:${NODE_VERSION}` should give `node:${NODE_VERSION}-slim`, not the ARG's default: put
 * the variable back where its value appears in the runtime image.
 */
function restoreVariables(model: DockerfileModel, stage: Stage, image: string): string {
  const written = stage.from.image?.text ?? '';
  const tagStart = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.lastIndexOf(':') + 1 : image.length;
  let tag = image.slice(tagStart);
  for (const match of written.matchAll(/\$\{(\w+)\}|\$(\w+)/g)) {
    const value = model.globalArgs.get((match[1] ?? match[2]) as string);
    if (typeof value === 'string' && value !== '' && tag.split(value).length === 2) tag = tag.replace(value, match[0]);
  }
  return image.slice(0, tagStart) + tag;
}
