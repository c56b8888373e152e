import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { readmeMismatches } from '../_test/readme.js';
import { diamolChapter4, fixtureCases } from '../_test/fixtures.js';
import rule from './index.js';

const at = (text: string): Array<[number, number, string, string]> => lintRule(rule, text).map((f) => [f.line, f.column, f.text, f.message]);
const unsafeFix = (text: string): string => fixRule(rule, text, { unsafe: true });

describe('copy-then-chmod', () => {
  test('the seed author\'s RUN chmod +x server: exact finding, unsafe fix to COPY --chmod', () => {
    const text = 'FROM alpine\nWORKDIR /web\nCOPY --from=builder /server .\nRUN chmod +x server\nCMD ["/web/server"]\n';
    expect(lintRule(rule, text)).toEqual([
      {
        ruleId: 'copy-then-chmod',
        message: 'chmod on "server", which the COPY on line 3 copied, stores the file again in a new layer: use COPY --chmod instead.',
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 20,
        text: 'chmod +x server',
      },
    ]);
    expect(fixRule(rule, text)).toBe(text);
    const fixed = unsafeFix(text);
    expect(fixed).toBe('FROM alpine\nWORKDIR /web\nCOPY --chmod=755 --from=builder /server .\nCMD ["/web/server"]\n');
    expect(lintRule(rule, fixed)).toEqual([]);
    expect(unsafeFix(fixed)).toBe(fixed);
    expect(lintMessages(rule, text)[0]?.fixDetails?.safety).toBe('unsafe');
  });

  test('chown -R of a copied directory becomes COPY --chown; ADD too', () => {
    expect(unsafeFix('FROM node\nCOPY src/ /app/\nRUN chown -R node:node /app\n')).toBe('FROM node\nCOPY --chown=node:node src/ /app/\n');
    expect(unsafeFix('FROM alpine\nADD crontab /etc/crontab\nRUN chmod 644 /etc/crontab\n')).toBe('FROM alpine\nADD --chmod=644 crontab /etc/crontab\n');
  });

  test('lower-case keywords, CRLF, continuation lines with a comment, last line without a line break', () => {
    const text = 'from alpine\r\ncopy run.sh /usr/local/bin/\r\nrun chmod \\\r\n# make it runnable\r\n  +x /usr/local/bin/run.sh';
    expect(at(text)).toEqual([[3, 5, 'chmod \\\r\n# make it runnable\r\n  +x /usr/local/bin/run.sh', 'chmod on "/usr/local/bin/run.sh", which the COPY on line 2 copied, stores the file again in a new layer: use COPY --chmod instead.']]);
    expect(unsafeFix(text)).toBe('from alpine\r\ncopy --chmod=755 run.sh /usr/local/bin/');
  });

  test('chown to a user created before the COPY, or to numeric ids, is fixed', () => {
    expect(unsafeFix('FROM alpine\nRUN adduser -S app\nCOPY app /usr/bin/app\nRUN chown app /usr/bin/app\n')).toBe(
      'FROM alpine\nRUN adduser -S app\nCOPY --chown=app app /usr/bin/app\n',
    );
    expect(unsafeFix('FROM alpine\nCOPY app /usr/bin/app\nRUN adduser -u 1000 -S app && chown 1000:1000 /usr/bin/app\n')).toBe(
      'FROM alpine\nCOPY --chown=1000:1000 app /usr/bin/app\nRUN adduser -u 1000 -S app\n',
    );
  });

  test('a command of an && list is taken out with its &&, also with the backtick escape', () => {
    expect(unsafeFix('FROM alpine\nCOPY start.sh /start.sh\nRUN chmod +x /start.sh && /start.sh --check\n')).toBe(
      'FROM alpine\nCOPY --chmod=755 start.sh /start.sh\nRUN /start.sh --check\n',
    );
    expect(unsafeFix('FROM alpine\nCOPY start.sh /start.sh\nRUN apk add curl && chown app /start.sh\n')).toBe(
      'FROM alpine\nCOPY --chown=app start.sh /start.sh\nRUN apk add curl\n',
    );
    expect(unsafeFix('# escape=`\nFROM alpine\nCOPY a.sh /a.sh\nRUN apk add curl `\n  && chmod +x /a.sh\n')).toBe(
      '# escape=`\nFROM alpine\nCOPY --chmod=755 a.sh /a.sh\nRUN apk add curl\n',
    );
  });

  test('reported without a fix: symbolic modes, lists other than &&, a COPY that already sets the mode, heredocs', () => {
    const texts = [
      'FROM alpine\nCOPY tool /usr/bin/tool\nRUN chmod u+s /usr/bin/tool\n',
      'FROM alpine\nCOPY start.sh /start.sh\nRUN chmod +x /start.sh || /start.sh --check\n',
      'FROM alpine\nCOPY start.sh /start.sh\nRUN chmod +x /start.sh; /start.sh --check\n',
      'FROM alpine\nCOPY start.sh /start.sh\nRUN chmod +x /start.sh && \\\n# check it\n /start.sh --check\n',
      'FROM alpine\nCOPY --chmod=644 start.sh /start.sh\nRUN chmod +x /start.sh\n',
      'FROM alpine\nCOPY start.sh /start.sh\nRUN <<EOF\nchmod +x /start.sh\nEOF\n',
      'FROM alpine\nCOPY a.sh b.sh /bin/\nRUN chmod +x /bin/a.sh\n',
      'FROM alpine\nCOPY app /app\nRUN chown -h app /app\n',
      'FROM alpine\nCOPY app /usr/bin/app\nRUN adduser -S app && chown app:app /usr/bin/app\n',
      'FROM alpine\nCOPY app /usr/bin/app\nRUN addgroup -S app\nRUN chown :app /usr/bin/app\n',
    ];
    for (const text of texts) {
      expect([text, lintRule(rule, text).length]).toEqual([text, 1]);
      expect([text, unsafeFix(text)]).toEqual([text, text]);
    }
  });

  test('not reported: files a RUN wrote or rewrote, a directory without -R, paths inside a copied tree, another stage, cd, globs, variables', () => {
    const texts = [
      'FROM golang\nRUN go build -o /web/server\nRUN chmod +x /web/server\n',
      'FROM alpine\nCOPY app.sh /app.sh\nRUN sed -i s/a/b/ /app.sh > /app.sh\nRUN chmod +x /app.sh\n',
      'FROM alpine\nCOPY . /app\nRUN chmod 755 /app\n',
      'FROM alpine\nCOPY --from=b /app/var /app/var\nRUN chmod g=u /app/var\n',
      'FROM alpine\nCOPY . /app\nRUN chmod +x /app/entrypoint.sh\n',
      'FROM alpine AS base\nCOPY run.sh /run.sh\nFROM base\nRUN chmod +x /run.sh\n',
      'FROM alpine\nWORKDIR /app\nCOPY run.sh .\nRUN cd /tmp && chmod +x run.sh\n',
      'FROM alpine\nCOPY bin/ /usr/local/bin/\nRUN chmod +x /usr/local/bin/*\n',
      'FROM alpine\nARG F=/run.sh\nCOPY run.sh /run.sh\nRUN chmod +x $F\n',
      'FROM alpine\nCOPY run.sh /run.sh\nRUN ["chmod", "+x", "/run.sh"]\n',
      'FROM alpine\nCOPY run.sh /run.sh\nWORKDIR /run.sh\nRUN chmod +x /run.sh\n',
    ];
    for (const text of texts) expect([text, at(text)]).toEqual([text, []]);
  });

  test('sudo and chmod -x: the wrapped command and a dash mode are read', () => {
    expect(at('FROM debian\nCOPY x.sh /x.sh\nRUN sudo chmod -x /x.sh\n').map((f) => f[2])).toEqual(['chmod -x /x.sh']);
  });

  describe('fixtures', () => {
    for (const c of fixtureCases(rule)) {
      test(c.name, () => {
        expect(c.actualFindings).toBe(c.expectedFindings);
        expect(c.actualSafe).toBe(c.input);
        expect(c.actualUnsafe).toBe(c.expectedUnsafe);
        expect(unsafeFix(c.actualUnsafe)).toBe(c.actualUnsafe);
      });
    }
  });

  test('the README examples: each bad one is reported, the good ones are not', () => {
    expect(readmeMismatches(rule, new URL('./README.md', import.meta.url))).toEqual({ bad: 2, good: 2, badWithoutFinding: [], goodWithFinding: [] });
  });

  test('diamol chapter 4: only the image-gallery chmod (the seed author\'s) is reported', () => {
    const findings = diamolChapter4().flatMap((file) => lintRule(rule, file.text).map((f) => [file.path, f.line, f.text]));
    expect(findings).toEqual([['exercises/image-gallery/Dockerfile', 16, 'chmod +x server']]);
  });
});
