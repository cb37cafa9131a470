/** Bad usage found by the CLI itself (e.g. a --json folder that does not exist): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes, the contract scripts rely on. */
export const EXIT_AGREE = 0;
export const EXIT_DISAGREE = 1;
export const EXIT_BAD_INPUT = 2;
