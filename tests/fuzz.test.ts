import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { fixWithRules, lintWithRules } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';
import { CORPUS_DIR, manifestFiles } from './corpus.js';

const config = { extends: 'all' as const };

/** Lines that look like Dockerfile content, including broken and tricky pieces. */
const line = fc.oneof(
  fc.constantFrom(
    'FROM alpine:3.19 AS build', 'FROM build', 'FROM scratch', 'FROM ${BASE:-debian}:12', 'from node as Build',
    'ARG BASE=ubuntu', 'ARG', 'ENV A=1 B="two words"', 'ENV legacy value', 'LABEL a=b', 'WORKDIR /app', 'WORKDIR app',
    'COPY . .', 'COPY --from=build /out/app /usr/local/bin/', 'COPY --from=missing /x /y', 'COPY a b c', 'ADD x.tar.gz /',
    'RUN apt-get update && apt-get install curl', 'RUN <<EOF', 'apk add git', 'EOF', 'RUN set -eux; \\', '    # comment', '  make \\',
    'RUN ["echo", "hi"]', 'RUN go build -o /server .', 'RUN npm ci && npm run build', 'CMD ["/server"]', 'CMD node app.js',
    'ENTRYPOINT ["x"', 'EXPOSE 80/TCP', 'EXPOSE 99999', 'USER root', 'HEALTHCHECK CMD curl -f http://localhost/',
    'SHELL ["/bin/bash", "-c"]', 'ONBUILD RUN make', 'MAINTAINER someone', 'FORM typo', '# escape=`', '# syntax=docker/dockerfile:1',
    '\\', '', '   ', '"', "'", '${', '$(', '`', '<<', '\t', '\r',
  ),
  fc.string({ maxLength: 40 }),
);
const dockerfileLike = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));

describe('property-based fuzzing', () => {
  test('random Dockerfile-like text never throws, and the fix loop terminates', () => {
    fc.assert(
      fc.property(dockerfileLike, fc.boolean(), (text, crlf) => {
        const input = crlf ? text.replace(/\n/g, '\r\n') : text;
        const { result } = lintWithRules(input, rules, { config });
        expect(result.messages.filter((m) => m.fatal && m.ruleId !== null)).toEqual([]);
        const fixed = fixWithRules(input, rules, { config, unsafe: true });
        expect(fixed.passes).toBeLessThanOrEqual(10);
        expect(fixed.result.fatalErrorCount).toBeLessThanOrEqual(result.fatalErrorCount);
      }),
      { numRuns: 300, seed: 20261129 },
    );
  }, 120_000);

  test('mutations of corpus files never throw', () => {
    const files = manifestFiles(CORPUS_DIR).filter((_, i) => i % 40 === 0);
    const mutation = fc.record({
      file: fc.nat({ max: files.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 30 }),
      insert: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\\\n', '\n', '"', '<<EOF\n', '$', '#', '\r\n', '`')),
    });
    fc.assert(
      fc.property(mutation, ({ file, at, cut, insert }) => {
        const text = (files[file] as { text: string }).text;
        const pos = at % (text.length + 1);
        const mutated = text.slice(0, pos) + insert + text.slice(pos + cut);
        const { result } = lintWithRules(mutated, rules, { config });
        expect(result.messages.filter((m) => m.fatal && m.ruleId !== null)).toEqual([]);
        expect(fixWithRules(mutated, rules, { config, unsafe: true }).passes).toBeLessThanOrEqual(10);
      }),
      { numRuns: 200, seed: 11292026 },
    );
  }, 180_000);
});
