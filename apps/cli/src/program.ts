import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerConformance } from './commands/conformance.js';
import { registerMutants } from './commands/mutants.js';
import { registerVectors } from './commands/vectors.js';
import type { CliIo } from './io.js';

/** The version in this package's package.json (found beside src/ and dist/ alike). */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Commander's "error: unknown option '--x'\n(Did you mean --json?)" as one `lockstep: ...` line with a hint. */
export function usageLine(commanderMessage: string, helpCommand: string): string {
  const text = commanderMessage.replace(/^error:\s*/i, '').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return `lockstep: ${text}; see ${helpCommand}\n`;
}

/**
 * Commander never exits the process here (exitOverride: it throws and runCli
 * turns that into an exit code) and writes only through `io`.
 */
function configure(command: Command, io: CliIo, helpCommand: string): Command {
  return command.exitOverride().configureOutput({
    writeOut: (text) => io.stdout(text),
    writeErr: (text) => io.stderr(text),
    outputError: (text) => io.stderr(usageLine(text, helpCommand)),
  });
}

export function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = configure(new Command('lockstep'), io, 'lockstep --help')
    .description('Train small fully connected networks two ways and prove, epoch by epoch, that the training loops agree.')
    .version(cliVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .addHelpText(
      'after',
      '\nExit codes: 0 everything agrees, 1 a disagreement (the first epoch where it happened is printed), 2 bad usage or bad input.',
    );
  registerConformance(program, io, setExit);
  registerVectors(program, io, setExit);
  registerMutants(program, io, setExit);
  for (const command of program.commands) configure(command, io, `lockstep ${command.name()} --help`);
  return program;
}
