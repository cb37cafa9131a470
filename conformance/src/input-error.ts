/**
 * Bad input (an unreadable file, invalid JSON, a run or vector that breaks the
 * format). The message is one line that names the source and, where there is
 * one, the field: `vectors/x.json: training.epochs: expected a positive integer, got 0`.
 * The CLI prints it as is and exits with code 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The file (or other source) the input came from. */
  readonly source: string;
  /** The field path, e.g. `training.optimizer.learningRate`; empty for the whole input. */
  readonly field: string;

  constructor(source: string, field: string, problem: string) {
    super(oneLine(field === '' ? `${source}: ${problem}` : `${source}: ${field}: ${problem}`));
    this.source = source;
    this.field = field;
  }
}

/** Collapses whitespace so a message never spans lines (JSON.parse quotes the text it failed on). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
