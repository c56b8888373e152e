import { RuleTester, type Rule } from 'eslint';
import plugin from '../src/index.js';

// RuleTester registers its own describe/it blocks (Jest's globals).
const ruleTester = new RuleTester({ plugins: { 'dockerfile-opt': plugin }, language: 'dockerfile-opt/dockerfile' });

function rule(id: string): Rule.RuleModule {
  const found = plugin.rules[id];
  if (!found) throw new Error(`no rule ${id}`);
  return found as unknown as Rule.RuleModule;
}

ruleTester.run('apt-get-yes', rule('apt-get-yes'), {
  valid: ['FROM debian:12\nRUN apt-get install -y curl\n', 'FROM debian:12\nRUN apt-get update\n'],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install curl\n',
      output: 'FROM debian:12\nRUN apt-get update \\\n && apt-get install -y curl\n',
      errors: [{ messageId: 'missing', line: 3, column: 5, endLine: 3, endColumn: 20 }],
    },
    {
      // CRLF and a BOM-less heredoc body: offsets stay right on the line after a CRLF.
      code: 'FROM debian:12\r\nRUN <<EOF\r\napt-get install git\r\nEOF\r\n',
      output: 'FROM debian:12\r\nRUN <<EOF\r\napt-get install -y git\r\nEOF\r\n',
      errors: [{ messageId: 'missing', line: 3, column: 1, endLine: 3, endColumn: 16 }],
    },
  ],
});

ruleTester.run('apt-no-install-recommends', rule('apt-no-install-recommends'), {
  valid: ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n'],
  invalid: [
    {
      // An unsafe fix: nothing changes under --fix, the editor offers it as a suggestion.
      code: 'FROM debian:12\nRUN apt-get install -y curl\n',
      output: null,
      errors: [
        {
          messageId: 'missing',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 20,
          suggestions: [
            {
              desc: 'Add --no-install-recommends (installs fewer packages; the build may need some of them)',
              output: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n',
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('instruction-casing', rule('instruction-casing'), {
  valid: ['FROM debian:12\nRUN true\n', { code: 'from debian:12\nrun true\n', options: [{ style: 'consistent' }] }],
  invalid: [
    {
      code: 'from debian:12\nRUN true\n',
      output: 'FROM debian:12\nRUN true\n',
      errors: [{ messageId: 'notUpper', data: { keyword: 'from' }, line: 1, column: 1, endLine: 1, endColumn: 5 }],
    },
    {
      code: 'from debian:12\nrun true\nCMD ["x"]\n',
      options: [{ style: 'consistent' }],
      output: 'from debian:12\nrun true\ncmd ["x"]\n',
      errors: [{ messageId: 'inconsistent', data: { keyword: 'CMD', expected: 'lower' }, line: 3, column: 1 }],
    },
  ],
});

ruleTester.run('maintainer-deprecated', rule('maintainer-deprecated'), {
  valid: ['FROM debian:12\nLABEL org.opencontainers.image.authors="me"\n'],
  invalid: [
    {
      code: 'FROM debian:12\nMAINTAINER me <me@example.com>\n',
      output: 'FROM debian:12\nLABEL org.opencontainers.image.authors="me <me@example.com>"\n',
      errors: [{ messageId: 'deprecated', line: 2, column: 1, endLine: 2, endColumn: 11 }],
    },
  ],
});

ruleTester.run('workdir-relative', rule('workdir-relative'), {
  valid: ['FROM debian:12\nWORKDIR /app\nWORKDIR src\n'],
  invalid: [
    {
      code: 'FROM debian:12\nWORKDIR app\n',
      output: null,
      errors: [{ messageId: 'relative', data: { path: 'app' }, line: 2, column: 9, endLine: 2, endColumn: 12 }],
    },
  ],
});
