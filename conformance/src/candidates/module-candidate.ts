import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Run } from '../run.js';
import type { Candidate } from './candidate.js';
import { CandidateError } from './candidate-error.js';
import { parseCandidateResult } from './result-schema.js';

/**
 * Loads an ES module whose default export is `train(run)`, sync or async,
 * returning `{ costs, finalCost, trace? }`. A missing file, a module that
 * fails to load, or one without a default function is a CandidateError.
 */
export async function loadModuleCandidate(path: string): Promise<Candidate> {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new CandidateError(`candidate module ${path}: file not found`);
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
  } catch (error) {
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
      try {
        value = await (train as (run: Run) => unknown)(structuredClone(run));
      } catch (error) {
        throw new CandidateError(`${source}: train(run) threw: ${messageOf(error)}`);
      }
      return parseCandidateResult(value, source);
    },
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
}
