import { describe, expect, test } from '@jest/globals';
import { lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

describe('copy-then-extract-archive', () => {
  test('reports a copied tar archive that a later RUN extracts, on the COPY source', () => {
    const text = 'FROM debian:12\nCOPY dist/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n';
    expect(lintRule(rule, text)).toEqual([
      {
        ruleId: 'copy-then-extract-archive',
        message: 'Archive "app.tar.gz" is copied and then unpacked with tar: `ADD app.tar.gz <dir>/` unpacks it without keeping the archive in a layer.',
        line: 2,
        column: 6,
        endLine: 2,
        endColumn: 21,
        text: 'dist/app.tar.gz',
      },
    ]);
  });

  test('finds old-style and long tar options, a renamed destination and heredoc scripts', () => {
    const text = [
      'FROM debian:12',
      'COPY a.tgz b.tar.xz /tmp/',
      'COPY release /tmp/release.tar',
      'RUN tar xzf /tmp/a.tgz',
      'RUN <<EOF',
      'tar --extract --file /tmp/b.tar.xz',
      'cd /opt && tar -xf /tmp/release.tar',
      'EOF',
      '',
    ].join('\n');
    expect(lintRule(rule, text).map((f) => [f.line, f.text])).toEqual([
      [2, 'a.tgz'],
      [2, 'b.tar.xz'],
      [3, 'release'],
    ]);
  });

  test('no report for zip files, archives never extracted, COPY --from, creating archives or another stage', () => {
    const text = [
      'FROM debian:12 AS one',
      'COPY app.zip data.tar.gz /tmp/',
      'COPY --from=build /out/app.tar /tmp/',
      'RUN unzip /tmp/app.zip && tar -czf /tmp/data.tar.gz /data && tar -xf /tmp/app.tar',
      'FROM debian:12',
      'RUN tar -xzf /tmp/data.tar.gz',
      '',
    ].join('\n');
    expect(lintRule(rule, text)).toEqual([]);
  });

  test('README examples', () => {
    const readme = readmeMismatches(rule, new URL('./README.md', import.meta.url));
    expect([readme.bad > 0, readme.good > 0, readme.badWithoutFinding, readme.goodWithFinding]).toEqual([true, true, [], []]);
  });
});
