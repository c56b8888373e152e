import { defineRule, type DockerfileModel, type Stage } from '@dockerfile-opt/core';

interface Options {
  /**
   * Words that mark a stage as built on purpose with `--target`: a stage whose name has one as a
   * `-`, `_` or `.` separated part (`test`, `frankenphp_dev`, `dev-envs`) is not reported, nor
   * are the stages it needs.
   */
  targets?: string[];
}

const CONVENTIONAL_TARGETS = ['test', 'tests', 'testing', 'dev', 'develop', 'development', 'debug', 'lint', 'ci', 'e2e', 'integration', 'local', 'devcontainer'];

function isExplicitTarget(stage: Stage, words: ReadonlySet<string>): boolean {
  return stage.name !== null && stage.name.split(/[-_.]/).some((part) => words.has(part));
}

/** A pattern for a reference with variables (`build-${VARIANT}`): any value may be passed. */
function variablePattern(text: string): RegExp | null {
  if (!text.includes('$')) return null;
  const parts = text.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 'i');
}

/**
 * The stages the final stage (or an explicit target) may need: the model's answer, plus stages
 * referenced before their definition, every stage a reference with a build-arg could name
 * (`FROM base-${FLAVOR}`, `COPY --from=${STAGE}`), and what those need.
 */
function possiblyNeeded(model: DockerfileModel, targets: readonly Stage[]): Set<Stage> {
  const needed = model.neededStages();
  for (const target of targets) for (const stage of model.neededStages(target)) needed.add(stage);
  const seen = new Set<Stage>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const stage of [...needed]) {
      if (seen.has(stage)) continue;
      seen.add(stage);
      const refs = model.refs.filter((r) => r.stage === stage && r.kind !== 'from');
      // BuildKit follows a reference to a stage defined later.
      for (const ref of refs.filter((r) => r.problem === 'forward' && r.resolved !== null)) {
        const target = /^\d+$/.test(ref.resolved as string) ? model.stages[Number(ref.resolved)] : model.stageByName(ref.resolved as string);
        if (target && !needed.has(target)) {
          for (const s of model.neededStages(target)) needed.add(s);
          changed = true;
        }
      }
      const texts = [stage.from.image?.value ?? '', ...refs.map((r) => r.text)];
      for (const pattern of texts.map(variablePattern)) {
        if (!pattern) continue;
        for (const candidate of model.stages) {
          const matches = pattern.test(candidate.name ?? '') || pattern.test(String(candidate.index));
          if (!matches || needed.has(candidate)) continue;
          for (const s of model.neededStages(candidate)) needed.add(s);
          changed = true;
        }
      }
    }
  }
  return needed;
}

export default defineRule<[Options]>({
  id: 'unused-stage',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    description: 'Every stage is needed by the final stage (directly or through other stages).',
    messages: {
      unused: 'Stage {{stage}} is not needed by the final stage: a default build skips it.{{target}}',
      neededByUnused: 'Stage {{stage}} is not needed by the final stage, only by {{users}}, which the final stage does not need either.',
    },
    schema: [
      {
        type: 'object',
        properties: { targets: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ targets: CONVENTIONAL_TARGETS }],
  },
  create(ctx) {
    const targetWords = new Set((ctx.options[0]?.targets ?? CONVENTIONAL_TARGETS).map((word) => word.toLowerCase()));
    return {
      Dockerfile() {
        const final = ctx.model.finalStage;
        if (!final) return;
        const needed = possiblyNeeded(ctx.model, ctx.model.stages.filter((stage) => isExplicitTarget(stage, targetWords)));
        for (const stage of ctx.model.stages) {
          if (needed.has(stage)) continue;
          const users = ctx.model.stages.filter((user) => user !== stage && ctx.model.neededStages(user).has(stage));
          const label = stage.name ? `"${stage.name}"` : `${stage.index}`;
          const token = stage.from.stageName ?? stage.from.image ?? stage.from.keywordToken;
          ctx.report({
            range: token.range,
            messageId: users.length > 0 ? 'neededByUnused' : 'unused',
            data: {
              stage: label,
              users: users.map((u) => (u.name ? `"${u.name}"` : `${u.index}`)).join(', '),
              target: stage.name ? ` Build it with --target ${stage.name}, or remove it.` : ' Remove it.',
            },
          });
        }
      },
    };
  },
});
