import { defineRule, type PropertyInstructionNode } from '@dockerfile-opt/core';
import { withOnbuildTriggers } from '../_shared/onbuild.js';

/** Words that mark a secret when they stand alone between `_` (BuildKit's list, `key` apart) or appear anywhere (hadolint's). */
const SECRET_WORD = /(?:^|_)(?:apikey|auth|credentials?|password|pword|passwd|secret|token)(?:_|$)/i;
const SECRET_SUBSTRING = /api_key|client_key|password|secret|token/i;
/** `key` alone is weaker: it also names GPG key ids and configuration keys. */
const KEY_WORD = /(?:^|_)keys?(?:_|$)/i;
/** One or more GPG key ids or fingerprints: public data. */
const KEY_FINGERPRINTS = /^\s*(?:(?:0x)?(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})\s*)+$/;
/** Names hadolint knows hold secrets although no secret word is in them. */
const KNOWN_SECRETS = new Set([
  'AWS_ACCESS_KEY_ID',
  'CF_USERNAME',
  'CI_DEPLOY_USER',
  'DOCKER_EMAIL',
  'DOCKER_USERNAME',
  'FACEBOOK_APP_ID',
  'HEROKU_API_USER',
  'OKTA_AUTHN_GROUPID',
  'OKTA_CLIENT_ORGURL',
  'OKTA_OAUTH2_CLIENTID',
  'OS_USERNAME',
]);
/**
 * Words that say the variable holds something about a secret, not the secret: a public key, the
 * path of a mounted secret file, a version or a name (`GPG_KEY` in official images is a fingerprint).
 */
const NOT_A_SECRET = /(?:^|_)(?:public|pub|file|path|dir|url|version|name|fingerprint|gpg|pgp|length|size|header|type|id|ids)(?:_|$)/i;

export interface SecretOptions {
  /** Names (case-insensitive) that are not secrets in this project. */
  allow?: string[];
}

export default defineRule<[SecretOptions]>({
  id: 'secret-in-arg-or-env',
  meta: {
    category: 'security',
    severity: 'warn',
    recommended: true,
    fixable: 'none',
    sources: ['DL3064', 'SecretsUsedInArgOrEnv'],
    description: 'ARG and ENV names do not suggest secrets: their values stay in the image history and metadata.',
    messages: {
      secret: '{{keyword}} "{{name}}" looks like a secret: {{keyword}} values are kept in the image. Pass secrets with `RUN --mount=type=secret,id=...`.',
    },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  create(ctx) {
    const allowed = new Set((ctx.options[0]?.allow ?? []).map((n) => n.toUpperCase()));
    const isSecretName = (name: string, value: string | null): boolean => {
      const upper = name.toUpperCase();
      if (allowed.has(upper)) return false;
      if (KNOWN_SECRETS.has(upper)) return true;
      if (NOT_A_SECRET.test(name)) return false;
      if (SECRET_WORD.test(name) || SECRET_SUBSTRING.test(name)) return true;
      // `A__B__Key` is a .NET configuration path, and a key id value is a public GPG key.
      return KEY_WORD.test(name) && !name.includes('__') && !(value !== null && KEY_FINGERPRINTS.test(value));
    };
    const check = (node: PropertyInstructionNode): void => {
      for (const prop of node.properties) {
        if (prop.name.value !== '' && isSecretName(prop.name.value, prop.unescapedValue)) {
          ctx.report({ node: prop.name, messageId: 'secret', data: { keyword: node.keyword, name: prop.name.value } });
        }
      }
    };
    return withOnbuildTriggers({ ARG: check, ENV: check });
  },
});
