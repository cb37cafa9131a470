import { oneLine } from '../input-error.js';

/**
 * A candidate trainer failed to give a usable result: missing module, no
 * default function, a crash, a timeout, output that is not JSON or not a
 * result. The message is one line saying which candidate, which run, and
 * what went wrong; `stderr` holds what a command wrote to its standard
 * error, for the CLI to show. The CLI prints both, never a stack trace.
 */
export class CandidateError extends Error {
  override readonly name = 'CandidateError';
  readonly stderr: string;

  constructor(message: string, stderr = '') {
    super(oneLine(message));
    this.stderr = stderr;
  }
}
