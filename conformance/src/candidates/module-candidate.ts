import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Run } from '../run.js';
import { type Candidate, DEFAULT_CANDIDATE_TIMEOUT_MS } from './candidate.js';
import { CandidateError } from './candidate-error.js';
import { parseCandidateResult } from './result-schema.js';

export interface ModuleCandidateOptions {
  /**
   * Per run: an async train(run) whose promise has not settled by then is a
   * CandidateError. (A synchronous train that never returns blocks the thread
   * and cannot be stopped from inside it.)
   */
  timeoutMs: number;
}

/**
 * Loads an ES module whose default export is `train(run)`, sync or async,
 * returning `{ costs, finalCost, trace? }`. A missing file, a module that
 * fails to load, or one without a default function is a CandidateError.
 */
export async function loadModuleCandidate(path: string, options: Partial<ModuleCandidateOptions> = {}): Promise<Candidate> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CANDIDATE_TIMEOUT_MS;
  if (path.trim() === '') throw new CandidateError('candidate module: empty path, expected an ES module file such as ./trainer.mjs');
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new CandidateError(`candidate module ${path}: file not found`);
  let module: { default?: unknown };
  try {
    // Bounded like a run: a top-level await that never settles is reported, not a silent exit.
    const loading = import(pathToFileURL(absolute).href) as Promise<{ default?: unknown }>;
    module = await withTimeout(loading, timeoutMs, () => new CandidateError(`candidate module ${path}: did not finish loading within ${timeoutMs / 1000} s`));
  } catch (error) {
    if (error instanceof CandidateError) throw error;
    throw new CandidateError(`candidate module ${path}: failed to load: ${messageOf(error)}`);
  }
  const train = module.default;
  if (typeof train !== 'function') {
    const got = train === undefined ? 'no default export' : `a default export of type ${typeof train}`;
    throw new CandidateError(`candidate module ${path}: expected a default export function train(run), found ${got}`);
  }
  return {
    label: path,
    async train(run: Run) {
      const source = `candidate ${path} on run ${run.name}`;
      let value: unknown;
      // A trainer that ends the process would end lockstep with no report (and
      // exit 0 looks like a pass): while it trains, process.exit throws instead.
      const exit = process.exit;
      process.exit = ((code?: number) => {
        throw new Error(`train(run) called process.exit(${code ?? ''}); return the result instead`);
      }) as typeof process.exit;
      try {
        const training = Promise.resolve().then(() => (train as (run: Run) => unknown)(structuredClone(run)));
        value = await withTimeout(
          training,
          timeoutMs,
          () => new CandidateError(`${source}: train(run) did not settle within ${timeoutMs / 1000} s (raise it with --timeout SECONDS)`),
        );
      } catch (error) {
        if (error instanceof CandidateError) throw error;
        throw new CandidateError(`${source}: train(run) threw: ${messageOf(error)}`);
      } finally {
        process.exit = exit;
      }
      return parseCandidateResult(value, source);
    },
  };
}

/**
 * `promise`, or the error `late()` makes once `ms` have passed. The timer also
 * keeps the process alive meanwhile, so a promise that never settles is
 * reported instead of the process exiting with nothing left to run.
 */
function withTimeout<T>(promise: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}
