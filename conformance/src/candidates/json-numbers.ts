/**
 * Makes the bare `NaN`, `Infinity` and `-Infinity` tokens some JSON writers
 * emit (Python's json.dumps does by default) parseable, by quoting them:
 * `[1, NaN]` -> `[1, "NaN"]`. Text inside strings is left alone. The result
 * schema then reads "NaN" / "Infinity" / "-Infinity" (and null) as non-finite
 * numbers.
 */
export function quoteNonFiniteTokens(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') {
        inString = false;
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    const token = matchToken(text, i);
    if (token !== null) {
      out += `"${token}"`;
      i += token.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

const TOKENS = ['-Infinity', 'Infinity', 'NaN'];

function matchToken(text: string, at: number): string | null {
  for (const token of TOKENS) {
    if (text.startsWith(token, at) && !/[\w$]/.test(text[at + token.length] ?? '')) return token;
  }
  return null;
}

/** "NaN", "Infinity", "-Infinity" or null as numbers; anything else unchanged. */
export function nonFiniteFromJson(value: unknown): unknown {
  if (value === null || value === 'NaN') return Number.NaN;
  if (value === 'Infinity' || value === '+Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  return value;
}
