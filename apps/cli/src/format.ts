/** Text formatting for the tables: numbers that line up and say enough. */

/** A cost for a table column: 7 significant digits (the max rel diff column shows the fine detail). */
export function formatCost(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  if (!Number.isFinite(value)) return String(value);
  return value.toPrecision(7);
}

/** A cost in full: the shortest text that reads back as the same double, so two values that differ look different. */
export function formatExact(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return String(value);
}

/** A relative difference: exactly 0 stays "0" (bit-identical), otherwise 2 significant digits. */
export function formatDifference(value: number): string {
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return String(value);
  return value.toExponential(1);
}

/** Pads each cell to its column width, columns separated by two spaces. */
export function formatRow(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => {
      const width = widths[i] ?? 0;
      return i === cells.length - 1 ? cell : cell.padEnd(width);
    })
    .join('  ')
    .trimEnd();
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "1 run", "2 runs": a count with its noun. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
