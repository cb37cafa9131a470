import { spawn } from 'node:child_process';
import type { Run } from '../run.js';
import { type Candidate, DEFAULT_CANDIDATE_TIMEOUT_MS } from './candidate.js';
import { CandidateError } from './candidate-error.js';
import { quoteNonFiniteTokens } from './json-numbers.js';
import { parseCandidateResult } from './result-schema.js';

export interface CommandCandidateOptions {
  /** Per run; the process (and everything it started) is killed after this. */
  timeoutMs: number;
}

/** How long output pipes may stay open after the command itself exited (held by a background child). */
const LINGER_MS = 1000;

/**
 * A candidate in any language: `command` runs through the shell once per run,
 * gets the run as JSON on its standard input, and writes its result as JSON
 * on its standard output (the whole output, or its last non-empty line, so
 * progress printed before the result is fine). A timeout, a non-zero exit, a
 * crash, or output that is not a result is a CandidateError carrying the
 * command's standard error; a result carries it too, for runs that disagree.
 */
export function commandCandidate(command: string, options: Partial<CommandCandidateOptions> = {}): Candidate {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CANDIDATE_TIMEOUT_MS;
  if (command.trim() === '') throw new CandidateError('candidate command: empty, expected a command such as "python3 my_trainer.py"');
  return {
    label: command,
    async train(run: Run) {
      const source = `candidate command \`${command}\` on run ${run.name}`;
      const { stdout, stderr } = await runCommand(command, JSON.stringify(run), timeoutMs, source);
      return { ...parseCandidateResult(parseOutput(stdout, stderr, source), source), stderr };
    },
  };
}

interface Finished {
  stdout: string;
  stderr: string;
}

function runCommand(command: string, input: string, timeoutMs: number, source: string): Promise<Finished> {
  return new Promise((resolvePromise, reject) => {
    // Own process group, so a timeout kills the shell and whatever it started.
    const child = spawn(command, { shell: true, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    watchSignals(child.pid, true);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    // A program that exits without reading its input closes the pipe: not our error.
    child.stdin.on('error', () => {});
    child.on('error', (error) => {
      clearTimeout(timer);
      watchSignals(child.pid, false);
      reject(new CandidateError(`${source}: could not start: ${error.message}`));
    });
    // Its output is complete once it exits; a process it left running in the
    // background may still hold the pipes open, so give them a moment, then end its group.
    let lingering: ReturnType<typeof setTimeout> | undefined;
    child.on('exit', () => {
      lingering = setTimeout(() => killGroup(child.pid), LINGER_MS);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(lingering);
      watchSignals(child.pid, false);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) {
        reject(new CandidateError(`${source}: timed out after ${formatSeconds(timeoutMs)} (raise it with --timeout SECONDS)`, stderr));
      } else if (signal !== null) {
        reject(new CandidateError(`${source}: killed by ${signal}`, stderr));
      } else if (code !== 0) {
        reject(new CandidateError(`${source}: exited with code ${code}${code === 127 ? ' (command not found?)' : ''}`, stderr));
      } else {
        resolvePromise({ stdout, stderr });
      }
    });
    child.stdin.end(input);
  });
}

/** Process groups of the candidate commands running now. */
const running = new Set<number | undefined>();
const SIGNALS = [['SIGINT', 130], ['SIGTERM', 143]] as const;
const onSignal = SIGNALS.map(([, code]) => (): void => {
  for (const pid of running) killGroup(pid);
  process.exit(code);
});

/**
 * A candidate runs in its own process group (so a timeout can kill all it
 * started), which an interrupt of lockstep would not reach. While one runs,
 * SIGINT and SIGTERM kill the running groups, then exit as the signal would
 * have; otherwise the default handling stays (a handler would only act
 * between synchronous training steps).
 */
function watchSignals(pid: number | undefined, started: boolean): void {
  const before = running.size;
  if (started) running.add(pid);
  else running.delete(pid);
  if (before === 0 && running.size > 0) SIGNALS.forEach(([signal], i) => process.on(signal, onSignal[i]!));
  if (before > 0 && running.size === 0) SIGNALS.forEach(([signal], i) => process.off(signal, onSignal[i]!));
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

/** The result JSON: the whole standard output, else its last non-empty line. */
function parseOutput(stdout: string, stderr: string, source: string): unknown {
  const text = stdout.trim();
  if (text === '') throw new CandidateError(`${source}: wrote nothing on standard output (expected a JSON result)`, stderr);
  const whole = tryParse(text);
  if (whole.ok) return whole.value;
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const last = tryParse(lines[lines.length - 1]!);
  if (last.ok) return last.value;
  const preview = lines[lines.length - 1]!.trim().slice(0, 60);
  // With one line the whole output's error is that line's; otherwise the last line's (where the result belongs).
  const why = lines.length === 1 ? whole.error : last.error;
  throw new CandidateError(`${source}: standard output is not JSON (last line: ${JSON.stringify(preview)}): ${why}`, stderr);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(quoteNonFiniteTokens(text)) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
