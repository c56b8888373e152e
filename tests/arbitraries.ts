import fc from 'fast-check';

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

/** Random Dockerfile-like text: up to 25 such lines. */
export const dockerfileLike = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));

/** An edit of one of `fileCount` files: at offset `at` (modulo its length), cut `cut` characters, insert `insert`. */
export function corpusMutation(fileCount: number): fc.Arbitrary<{ file: number; at: number; cut: number; insert: string }> {
  return fc.record({
    file: fc.nat({ max: fileCount - 1 }),
    at: fc.nat(),
    cut: fc.nat({ max: 30 }),
    insert: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\\\n', '\n', '"', '<<EOF\n', '$', '#', '\r\n', '`')),
  });
}

/** Apply a `corpusMutation` to a text. */
export function mutate(text: string, { at, cut, insert }: { at: number; cut: number; insert: string }): string {
  const pos = at % (text.length + 1);
  return text.slice(0, pos) + insert + text.slice(pos + cut);
}

/** Text made of the pieces the scanner treats specially, densely mixed: escapes, quotes, heredocs, line breaks. */
export const syntaxSoup = fc
  .array(
    fc.constantFrom(
      ' ', '\t', '\n', '\r', '\r\n', '\\', '`', '#', '$', '{', '}', '"', "'", '=', '<', '<<', '-', '--', ',', ':', '@', '/', '.',
      'a', 'B', 'EOF', 'RUN ', 'FROM ', 'ENV ', 'ARG ', 'LABEL ', 'COPY ', 'ONBUILD ', 'HEALTHCHECK ', 'CMD', 'AS',
      '# escape=`\n', '[', ']', '\uFEFF', 'x=y', '<<-EOF', '<<"EOF"', '\\\n', ' \\ \n', '--mount=type=cache,target=/x',
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(''));
