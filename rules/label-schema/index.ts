import { defineRule, type PropertyNode, type Stage } from '@dockerfile-opt/core';
import { LABEL_FORMATS, matchesFormat, type LabelFormat } from './formats.js';

export interface LabelSchemaOptions {
  /** Required labels and the format of their values. */
  labels?: Record<string, LabelFormat>;
  /** Report labels the schema does not name. */
  strict?: boolean;
}

const FORMAT_NAMES: Record<Exclude<LabelFormat, 'text'>, string> = {
  url: 'a URL',
  hash: 'a git commit hash',
  rfc3339: 'an RFC 3339 date-time',
  semver: 'a semantic version',
  spdx: 'an SPDX license expression',
  email: 'an e-mail address',
};

/** Label names the stage ends up with, from its own LABELs and those of the stages it builds on. */
function labelNames(stage: Stage): Set<string> {
  const names = stage.base.kind === 'stage' ? labelNames(stage.base.stage) : new Set<string>();
  for (const node of stage.instructions) {
    if (node.type === 'LABEL') for (const p of node.properties) names.add(unquote(p.name.value));
  }
  return names;
}

function unquote(text: string): string {
  return text.replace(/^(["'])(.*)\1$/, '$2');
}

export default defineRule<[LabelSchemaOptions]>({
  id: 'label-schema',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: ['DL3049', 'DL3050', 'DL3051', 'DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
    description: 'The final image carries the labels a schema requires, each in the required format.',
    messages: {
      missing: 'Label "{{label}}" is missing from the final stage.',
      superfluous: 'Label "{{label}}" is not in the label schema.',
      empty: 'Label "{{label}}" is empty.',
      format: 'Label "{{label}}" is not {{format}}: "{{value}}".',
    },
    schema: [
      {
        type: 'object',
        properties: {
          labels: { type: 'object', additionalProperties: { enum: [...LABEL_FORMATS] } },
          strict: { type: 'boolean' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ labels: {}, strict: false }],
  },
  create(ctx) {
    const schema = new Map(Object.entries(ctx.options[0]?.labels ?? {}));
    const strict = ctx.options[0]?.strict ?? false;
    const checkValue = (label: string, format: LabelFormat, prop: PropertyNode, value: string): void => {
      if (value.trim() === '') {
        ctx.report({ node: prop.value ?? prop, messageId: 'empty', data: { label } });
      } else if (format !== 'text' && !matchesFormat(format, value)) {
        ctx.report({ node: prop.value ?? prop, messageId: 'format', data: { label, format: FORMAT_NAMES[format], value } });
      }
    };
    return {
      LABEL(node) {
        if (schema.size === 0 && !strict) return;
        for (const prop of node.properties) {
          const label = unquote(prop.name.value);
          const format = schema.get(label);
          if (!format) {
            if (strict && label !== '') ctx.report({ node: prop.name, messageId: 'superfluous', data: { label } });
            continue;
          }
          const value = ctx.model.expand(prop.unescapedValue ?? '', node).value;
          if (value !== null) checkValue(label, format, prop, value);
        }
      },
      'Dockerfile:exit'() {
        const stage = ctx.model.finalStage;
        if (!stage || schema.size === 0) return;
        const present = labelNames(stage);
        for (const label of schema.keys()) {
          if (!present.has(label)) ctx.report({ node: stage.from.image ?? stage.from.keywordToken, messageId: 'missing', data: { label } });
        }
      },
    };
  },
});
