import { defineRule } from '@dockerfile-opt/core';

export default defineRule({
  id: 'duplicate-stage-name',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'always',
    // later references may have meant either stage: renaming is a guess
    fixSafety: 'unsafe',
    sources: ['DL3024', 'DuplicateStageName'],
    description: 'Every stage has its own name.',
    messages: {
      duplicate: 'Stage name "{{name}}" is already used by the stage on line {{line}}; stage names must be unique (case-insensitively).',
    },
    schema: [],
  },
  create(ctx) {
    return {
      Dockerfile() {
        const firstByName = new Map<string, number>();
        const taken = new Set(ctx.model.stages.map((s) => s.name));
        for (const stage of ctx.model.stages) {
          const token = stage.from.stageName;
          if (!token || stage.name === null) continue;
          const first = firstByName.get(stage.name);
          if (first === undefined) firstByName.set(stage.name, token.loc.start.line);
          else {
            let newName = `${stage.name}-2`;
            for (let n = 3; taken.has(newName); n++) newName = `${stage.name}-${n}`;
            taken.add(newName);
            ctx.report({
              node: token,
              messageId: 'duplicate',
              data: { name: token.text, line: first },
              fix: { description: `Rename this stage to "${newName}"`, edits: [{ range: token.range, text: newName }] },
            });
          }
        }
      },
    };
  },
});
