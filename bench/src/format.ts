/** Plain-text table and number formatting for the report. */

/** Milliseconds with about four significant digits. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 100) return value.toFixed(1);
  if (value >= 10) return value.toFixed(2);
  if (value >= 1) return value.toFixed(3);
  return value.toPrecision(3);
}

/** A ratio like 0.62x or 53x. */
export function ratio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return value >= 10 ? `${value.toFixed(0)}x` : `${value.toFixed(2)}x`;
}

export function scientific(value: number | undefined): string {
  if (value === undefined) return '-';
  if (value === 0) return '0';
  return value.toExponential(1);
}

/** Left-aligned first column, right-aligned others, two spaces between. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === 0 || c === cells.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
