/** How a Dockerfile word (an ENV/LABEL/ARG value, a WORKDIR path) uses quotes and escapes. */
export interface QuoteScan {
  /** The quote character left open at the end, or null. */
  unclosed: '"' | "'" | null;
  /** Offsets of whitespace outside quotes that is not escaped. */
  bareSpaces: number[];
  /** The text holds a quote or the escape character somewhere. */
  hasQuotingSyntax: boolean;
}

/** Scan `text` the way Docker's word lexer reads it: the escape character works outside single quotes. */
export function scanQuotes(text: string, escapeChar: string): QuoteScan {
  const bareSpaces: number[] = [];
  let quote: '"' | "'" | null = null;
  let hasQuotingSyntax = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === escapeChar && quote !== "'") {
      hasQuotingSyntax = true;
      i++;
    } else if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      hasQuotingSyntax = true;
      quote = ch;
    } else if (/\s/.test(ch)) bareSpaces.push(i);
  }
  return { unclosed: quote, bareSpaces, hasQuotingSyntax };
}

/**
 * A COPY/ADD path after quote removal (`"/etc/app/"` → `/etc/app/`). The parser has already
 * resolved escapes in these words, so only the quotes are left to remove.
 */
export function stripQuotes(text: string): string {
  let out = '';
  let quote: '"' | "'" | null = null;
  for (const ch of text) {
    if (quote && ch === quote) quote = null;
    else if (!quote && (ch === '"' || ch === "'")) quote = ch;
    else out += ch;
  }
  return out;
}
