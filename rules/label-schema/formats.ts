/** Value formats a label schema can require (hadolint's `label-schema` types). */
export type LabelFormat = 'text' | 'url' | 'hash' | 'rfc3339' | 'semver' | 'spdx' | 'email';

export const LABEL_FORMATS: readonly LabelFormat[] = ['text', 'url', 'hash', 'rfc3339', 'semver', 'spdx', 'email'];

const URL_SHAPE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/;
const GIT_HASH = /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/i;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
// semver.org's reference expression.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const SPDX_ID = /^(?:[A-Za-z0-9][A-Za-z0-9.-]*\+?|(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+)$/;

/**
 * The shape of an SPDX license expression: identifiers joined by AND/OR, `WITH` an exception, in
 * parentheses. The identifiers are not checked against the SPDX list.
 */
function isSpdxExpression(value: string): boolean {
  const tokens = value.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let depth = 0;
  let expectOperand = true;
  for (const token of tokens) {
    if (token === '(') {
      if (!expectOperand) return false;
      depth++;
    } else if (token === ')') {
      if (expectOperand || --depth < 0) return false;
    } else if (/^(AND|OR|WITH)$/.test(token)) {
      if (expectOperand) return false;
      expectOperand = true;
    } else {
      if (!expectOperand || !SPDX_ID.test(token)) return false;
      expectOperand = false;
    }
  }
  return depth === 0 && !expectOperand;
}

function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60;
}

/** Whether `value` (already expanded and non-empty) has the format. */
export function matchesFormat(format: LabelFormat, value: string): boolean {
  switch (format) {
    case 'text':
      return true;
    case 'url':
      return URL_SHAPE.test(value);
    case 'hash':
      return GIT_HASH.test(value);
    case 'rfc3339':
      return isRfc3339(value);
    case 'semver':
      return SEMVER.test(value);
    case 'spdx':
      return isSpdxExpression(value);
    case 'email':
      return EMAIL.test(value);
  }
}
