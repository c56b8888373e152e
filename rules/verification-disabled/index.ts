import { defineRule, type InstructionNode, type Range, type TextEdit } from '@dockerfile-opt/core';
import { basename, invocationOf, runVisitors } from '../_shared/commands.js';
import { disabledChecks, insecureEnv } from './detect.js';

/** Delete a word and the blanks before it (or after it, at the start of a line). */
function removeWord(text: string, [start, end]: Range): TextEdit {
  let from = start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  let to = end;
  if (from === start || text[from - 1] === '\n') while (text[to] === ' ' || text[to] === '\t') to++;
  return { range: [from, to], text: '' };
}

export default defineRule({
  id: 'verification-disabled',
  meta: {
    category: 'security',
    severity: 'error',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'unsafe',
    sources: [],
    description: 'Downloads and package installs keep TLS certificate and signature checks on.',
    messages: {
      tls: '"{{setting}}" turns off TLS certificate checks: whoever sits on the network path can change what the build downloads. Add the CA certificate to the image instead.',
      signature: '"{{setting}}" turns off package signature checks: a tampered or unofficial package installs without a warning. Import the repository key instead.',
    },
    schema: [],
  },
  create(ctx) {
    const reportEnv = (name: string, value: string, range: Range): void => {
      if (insecureEnv(name, value)) ctx.report({ range, messageId: 'tls', data: { setting: `${name}=${value}` } });
    };
    const checkRun = (run: InstructionNode): void => {
      for (const script of ctx.model.shell(run)) {
        for (const command of script.commands) {
          for (const assignment of command.assignments) {
            if (assignment.value?.isStatic !== false) reportEnv(assignment.name, assignment.value?.value ?? '', assignment.range);
          }
          // `env GIT_SSL_NO_VERIFY=1 git clone ...` holds the assignments as words.
          if (command.name && basename(command.name.value) === 'env') {
            for (const word of command.args) {
              const eq = word.value.indexOf('=');
              if (eq > 0 && word.isStatic) reportEnv(word.value.slice(0, eq), word.value.slice(eq + 1), word.range);
            }
          }
          const invocation = invocationOf(command);
          if (!invocation) continue;
          for (const check of disabledChecks(invocation)) {
            ctx.report({
              range: check.range,
              messageId: check.kind,
              data: { setting: check.text },
              fix: check.removable ? { description: `Remove ${check.text}`, edits: [removeWord(ctx.text, check.range)] } : null,
            });
          }
        }
      }
    };
    return {
      ...runVisitors(checkRun),
      ENV(node) {
        for (const p of node.properties) reportEnv(p.name.value, p.unescapedValue ?? '', p.range);
      },
      ARG(node) {
        // A global ARG (before the first FROM) is not in the environment of any RUN.
        if (!ctx.model.stageOf(node)) return;
        for (const p of node.properties) if (p.unescapedValue !== null) reportEnv(p.name.value, p.unescapedValue, p.range);
      },
    };
  },
});
