import { defineRule, resolveImagePath, type Range, type RuleContext, type Stage, type StageRef } from '@dockerfile-opt/core';
import { closestName, missingArtifact, type MissingEvidence } from './evidence.js';
import { OFFICIAL_IMAGES } from './official-images.js';

function stageLabel(stage: Stage): string {
  return stage.name ? `"${stage.name}"` : `${stage.index}`;
}

/** The source paths a reference reads from its stage, with where each is written. */
function sourcesOf(ctx: RuleContext, ref: StageRef): Array<{ path: string; range: Range }> {
  if (ref.kind === 'copy') {
    const out: Array<{ path: string; range: Range }> = [];
    for (const source of ctx.model.copyInfo(ref.node).sources) {
      const value = ctx.model.expand(source.token.value, ref.node).value;
      // Sources of `COPY --from` are relative to the root of the stage, not to WORKDIR.
      if (value !== null) out.push({ path: resolveImagePath('/', value), range: source.token.range });
    }
    return out;
  }
  if (ref.kind !== 'mount' || !ref.flag) return [];
  const type = ref.flag.options.find((o) => o.name === 'type')?.value ?? 'bind';
  const source = ref.flag.options.find((o) => o.name === 'source' || o.name === 'src');
  if (type !== 'bind' || !source?.value || !source.valueRange) return [];
  const value = ctx.model.expand(source.value, ref.node).value;
  return value === null ? [] : [{ path: resolveImagePath('/', value), range: source.valueRange }];
}

function evidenceMessage(evidence: MissingEvidence): { messageId: string; data: Record<string, string> } {
  switch (evidence.kind) {
    case 'scratch':
      return { messageId: 'notProducedScratch', data: {} };
    case 'created-dir':
      return { messageId: 'notProducedInDir', data: { dir: evidence.dir } };
    case 'elsewhere':
      return { messageId: 'producedElsewhere', data: { produced: evidence.produced } };
  }
}

export default defineRule({
  id: 'copy-from-missing-artifact',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'safe',
    sources: ['DL3022', 'DL3023'],
    description: 'Every `COPY --from` and `RUN --mount=from=` names an earlier stage and a path that stage produced.',
    messages: {
      unknownStage: 'No stage named "{{name}}" is defined before this instruction.{{hint}}',
      forwardStage: 'Stage {{name}} is defined later (line {{line}}): define it before it is used (the classic builder looks for an image of that name).',
      selfStage: 'Stage {{name}} is the stage this instruction belongs to: a stage cannot read from itself.',
      indexOutOfRange: 'There is no stage {{name}}: this file defines {{count}} stage(s), numbered from 0.',
      notProducedScratch: 'Stage {{stage}} starts from scratch and nothing in it writes "{{path}}".',
      notProducedInDir: 'Stage {{stage}} creates "{{dir}}" but nothing in it writes "{{path}}".',
      producedElsewhere: 'Stage {{stage}} does not write "{{path}}"; it writes "{{produced}}". Did you mean "{{produced}}"?',
    },
    schema: [],
  },
  create(ctx) {
    const checkStageName = (ref: StageRef): void => {
      const name = ref.resolved ?? ref.text;
      switch (ref.problem) {
        case 'unknown': {
          // `--from=composer` pulls the official image when no stage has that name.
          if (OFFICIAL_IMAGES.has(name.toLowerCase())) return;
          const earlier = ctx.model.stages.filter((s) => ref.stage && s.index < ref.stage.index && s.name !== null);
          const suggestion = closestName(name, earlier.map((s) => s.name as string));
          // Only a literal value is rewritten: a typo in an ARG's default is fixed where the ARG is declared.
          const fixable = suggestion !== null && ref.text === ref.resolved;
          ctx.report({
            range: ref.range,
            messageId: 'unknownStage',
            data: { name, hint: suggestion ? ` Did you mean "${suggestion}"?` : '' },
            fix: fixable ? { edits: [{ range: ref.range, text: suggestion }], description: `Use stage "${suggestion}"` } : null,
          });
          return;
        }
        case 'forward': {
          const target = /^\d+$/.test(name) ? ctx.model.stages[Number(name)] : ctx.model.stageByName(name);
          ctx.report({ range: ref.range, messageId: 'forwardStage', data: { name: target ? stageLabel(target) : name, line: target?.from.loc.start.line ?? 0 } });
          return;
        }
        case 'self':
          ctx.report({ range: ref.range, messageId: 'selfStage', data: { name: ref.stage ? stageLabel(ref.stage) : name } });
          return;
        case 'index-out-of-range':
          ctx.report({ range: ref.range, messageId: 'indexOutOfRange', data: { name, count: ctx.model.stages.length } });
          return;
        default:
          return;
      }
    };

    const checkArtifacts = (ref: StageRef, target: Stage): void => {
      for (const source of sourcesOf(ctx, ref)) {
        const evidence = missingArtifact(ctx.model, target, source.path);
        if (!evidence) continue;
        const { messageId, data } = evidenceMessage(evidence);
        ctx.report({
          range: source.range,
          messageId,
          data: { ...data, stage: stageLabel(target), path: source.path },
          // Unsafe: the stage may have meant to produce the path asked for.
          suggest:
            evidence.kind === 'elsewhere'
              ? [{ description: `Copy "${evidence.produced}"`, safety: 'unsafe', edits: [{ range: source.range, text: evidence.produced }] }]
              : undefined,
        });
      }
    };

    return {
      Dockerfile() {
        for (const ref of ctx.model.refs) {
          if (ref.kind === 'from') continue;
          if (ref.problem) checkStageName(ref);
          else if (ref.target) checkArtifacts(ref, ref.target);
        }
      },
    };
  },
});
