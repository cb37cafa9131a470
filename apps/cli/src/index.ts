import { InputError } from '@lockstep/conformance';
import { CommanderError } from 'commander';
import { type CliIo, processIo } from './io.js';
import { createProgram } from './program.js';
import { EXIT_AGREE, EXIT_BAD_INPUT, UsageError } from './usage-error.js';

export { type CliIo, captureIo, processIo } from './io.js';
export { UsageError, EXIT_AGREE, EXIT_DISAGREE, EXIT_BAD_INPUT } from './usage-error.js';

/**
 * Runs the lockstep command line on `argv` (the arguments after the program
 * name) and returns the exit code: 0 all agree, 1 any disagreement, 2 bad
 * usage or bad input. Errors become one `lockstep: ...` line on stderr, never
 * a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  if (argv.length === 0) {
    io.stderr('lockstep: missing command (conformance, vectors, mutants); see lockstep --help\n');
    return EXIT_BAD_INPUT;
  }
  let exitCode = EXIT_AGREE;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // Commander has already printed its message (help, version, or a usage error line).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_AGREE : EXIT_BAD_INPUT;
    const message = error instanceof Error ? error.message : String(error);
    // Bad input and bad usage speak for themselves; anything else names its kind (ShapeError, DataError, ...).
    const known = error instanceof InputError || error instanceof UsageError || !(error instanceof Error);
    const prefix = known ? '' : `${error.name}: `;
    io.stderr(`lockstep: ${prefix}${message.replace(/\s+/g, ' ').trim()}\n`);
    return EXIT_BAD_INPUT;
  }
}
