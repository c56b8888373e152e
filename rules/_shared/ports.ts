import type { ArgumentNode } from '@dockerfile-opt/core';

/** One EXPOSE argument split into its parts; offsets are absolute source offsets. */
export interface ExposeSpec {
  token: ArgumentNode;
  /** `ip:hostPort:` or `hostPort:` written before the container port, or null. */
  hostPart: { text: string; range: [number, number] } | null;
  /** The container port or range (`80`, `8000-8010`). */
  port: { text: string; range: [number, number] };
  /** The protocol after `/`, or null. */
  protocol: { text: string; range: [number, number] } | null;
}

/**
 * Split an EXPOSE argument as written (`[ip:][hostPort:]port[-end][/proto]`). Returns null when the
 * token spans a line continuation, since its parts then have no simple offsets.
 */
export function parseExposeArgument(token: ArgumentNode): ExposeSpec | null {
  if (token.text !== token.value) return null;
  return { token, ...splitExpose(token.text, token.range[0]) };
}

/** Split EXPOSE text into host part, port and protocol; ranges are offsets from `start`. */
export function splitExpose(text: string, start = 0): Omit<ExposeSpec, 'token'> {
  const slash = text.lastIndexOf('/');
  const body = slash === -1 ? text : text.slice(0, slash);
  const colon = lastColonOutsideBraces(body);
  return {
    hostPart: colon === -1 ? null : { text: body.slice(0, colon + 1), range: [start, start + colon + 1] },
    port: { text: body.slice(colon + 1), range: [start + colon + 1, start + body.length] },
    protocol: slash === -1 ? null : { text: text.slice(slash + 1), range: [start + slash + 1, start + text.length] },
  };
}

/** `${PORT:-80}` holds a colon that is not a host separator. */
function lastColonOutsideBraces(text: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === ':' && depth === 0) last = i;
  }
  return last;
}

/** A port or port range as numbers, or null when it is not numeric (`$PORT`, `http`). */
export function portNumbers(text: string): number[] | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) return null;
  return m[2] === undefined ? [Number(m[1])] : [Number(m[1]), Number(m[2])];
}
