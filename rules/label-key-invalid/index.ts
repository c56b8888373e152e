import { defineRule } from '@dockerfile-opt/core';
import { withOnbuildTriggers } from '../_shared/onbuild.js';

const RESERVED = /^(com\.docker|io\.docker|org\.dockerproject)\./i;

export interface LabelKeyOptions {
  /** hadolint's exact check: lower-case letters, digits, "." and "-" only. */
  lowercase?: boolean;
}

/** Why a label key breaks Docker's key conventions, or null when it follows them. */
function problemOf(key: string, lowercase: boolean): string | null {
  if (RESERVED.test(key)) return 'uses a namespace reserved for Docker (com.docker.*, io.docker.*, org.dockerproject.*)';
  if (lowercase && /[^a-z0-9.-]/.test(key)) return 'holds characters other than lower-case letters, digits, "." and "-"';
  if (/[^A-Za-z0-9._-]/.test(key)) return 'holds characters other than letters, digits, ".", "-" and "_"';
  if (!/^[A-Za-z]/.test(key)) return 'does not start with a letter';
  if (!/[A-Za-z0-9]$/.test(key)) return 'does not end with a letter or digit';
  if (/[.-]{2}/.test(key)) return 'has two separators in a row';
  return null;
}

export default defineRule<[LabelKeyOptions]>({
  id: 'label-key-invalid',
  meta: {
    category: 'style',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['DL3048'],
    description: 'LABEL keys follow Docker\'s conventions: start with a letter, letters, digits, "." and "-", no reserved namespace.',
    messages: {
      invalid: 'Label key "{{key}}" {{problem}}.',
    },
    schema: [{ type: 'object', properties: { lowercase: { type: 'boolean' } }, additionalProperties: false }],
    defaultOptions: [{ lowercase: false }],
  },
  create(ctx) {
    const lowercase = ctx.options[0]?.lowercase ?? false;
    return withOnbuildTriggers({
      LABEL(node) {
        for (const prop of node.properties) {
          const key = prop.name.value.replace(/^(["'])(.*)\1$/, '$2');
          if (key === '') continue;
          const problem = problemOf(key, lowercase);
          if (problem) ctx.report({ node: prop.name, messageId: 'invalid', data: { key, problem } });
        }
      },
    });
  },
});
