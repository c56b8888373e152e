import { describe, expect, test } from '@jest/globals';
import { lintWithRules } from '@dockerfile-opt/core';
import { rules } from '@dockerfile-opt/rules';

const config = { extends: 'all' as const };
const lint = (text: string) => lintWithRules(text, rules, { config }).result;

/** CPU time of `fn`, in milliseconds. */
function cost(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * CPU time of `large` over that of `small`, each the best of interleaved rounds. Rounds go on
 * (up to six) while the ratio is over `limit`: a busy machine slows single runs, not the best of
 * several, while a step that grows faster than the input stays over the limit in every round.
 */
function costRatio(small: () => void, large: () => void, limit: number): number {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < 6; round++) {
    bestSmall = Math.min(bestSmall, cost(small));
    bestLarge = Math.min(bestLarge, cost(large));
    if (round >= 1 && bestLarge / bestSmall < limit) break;
  }
  return bestLarge / bestSmall;
}

function bigDockerfile(lines: number): string {
  const out = ['FROM debian:12 AS build', 'WORKDIR /src'];
  for (let i = 0; out.length < lines; i++) {
    out.push(i % 3 === 0 ? `RUN apt-get update && apt-get install -y --no-install-recommends pkg${i} \\` : `ENV VAR_${i}=value${i}`);
    if (i % 3 === 0) out.push(`    && rm -rf /var/lib/apt/lists/*`);
  }
  out.push('CMD ["/bin/true"]');
  return out.join('\n') + '\n';
}

describe('adversarial input', () => {
  test('an empty file, a binary file and invalid UTF-8 give a clear result', () => {
    expect(lint('').messages.map((m) => m.message)).toEqual(['Parsing error: The Dockerfile has no instructions']);
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('utf8');
    expect(lint(binary).messages.every((m) => m.ruleId === null || !m.fatal)).toBe(true);
    const invalidUtf8 = Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xc3, 0x28]).toString('utf8');
    expect(lint(invalidUtf8).messages.filter((m) => m.fatal && m.ruleId !== null)).toEqual([]);
  });

  test('very long lines and deep continuations', () => {
    const longLine = `FROM alpine\nRUN echo ${'a'.repeat(200_000)}\n`;
    expect(lint(longLine).messages.filter((m) => m.fatal)).toEqual([]);
    const deep = `FROM alpine\nRUN true \\\n${'  && echo x \\\n'.repeat(3000)}  && true\n`;
    expect(lint(deep).messages.filter((m) => m.fatal)).toEqual([]);
    const unterminatedQuotes = `FROM alpine\n${'RUN echo "unterminated \\\n'.repeat(500)}\n`;
    expect(lint(unterminatedQuotes).messages.filter((m) => m.fatal && m.ruleId !== null)).toEqual([]);
  });

  test('a 20,000-line file lints, in time roughly linear in its size', () => {
    const small = bigDockerfile(2_000);
    const large = bigDockerfile(20_000);
    expect(lint(large).messages.filter((m) => m.fatal)).toEqual([]);
    // 10x the lines: linear is ~10x; a quadratic step would be ~100x.
    expect(costRatio(() => lint(small), () => lint(large), 25)).toBeLessThan(25);
  }, 120_000);
});
