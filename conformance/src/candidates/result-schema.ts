import { z } from 'zod';
import type { NamedParameters } from '@lockstep/core';
import { describeValue } from '../schema.js';
import { formatPath } from '../parse.js';
import type { RunResult } from '../run.js';
import { CandidateError } from './candidate-error.js';
import { nonFiniteFromJson } from './json-numbers.js';

/**
 * What a candidate returns: `{ costs: number[], finalCost: number, trace?:
 * [{ W1: [[...]], b1: [...], ... }, ...] }`. A number may also be written
 * null, "NaN", "Infinity" or "-Infinity" (JSON has no NaN): those read as
 * non-finite numbers, so a run that blew up is still a result, diagnosed
 * `non-finite`, not an error.
 */

// z.number() refuses NaN and infinities; a candidate's blow-up must reach the diagnosis instead.
const anyNumber = z.preprocess(
  nonFiniteFromJson,
  z.custom<number>((value) => typeof value === 'number', {
    error: (issue) => `expected a number (or null, "NaN", "Infinity"), got ${describeValue(issue.input)}`,
  }),
);
const row = z.array(anyNumber, { error: (issue) => `expected an array of numbers, got ${describeValue(issue.input)}` });
const snapshot = z.record(
  z.string().regex(/^[Wb]\d+$/, { error: 'expected parameter names W1, b1, W2, ...' }),
  z.union([z.array(row), row], { error: 'expected a matrix (array of rows) for W, an array of numbers for b' }),
  { error: (issue) => `expected an object {W1, b1, ...}, got ${describeValue(issue.input)}` },
);

export const candidateResultSchema = z.object(
  {
    costs: z.array(anyNumber, { error: (issue) => `expected an array with one cost per epoch, got ${describeValue(issue.input)}` }),
    finalCost: anyNumber,
    trace: z.array(snapshot, { error: (issue) => `expected an array of parameter snapshots, got ${describeValue(issue.input)}` }).optional(),
  },
  { error: (issue) => `expected a JSON object {costs, finalCost}, got ${describeValue(issue.input)}` },
);

/**
 * Checks a candidate's parsed output. `source` names the candidate and run in
 * the one-line CandidateError. The number of costs is checked later, against
 * the reference, so the error can say which epochs agree.
 */
export function parseCandidateResult(value: unknown, source: string): RunResult {
  const parsed = candidateResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = formatPath(issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)));
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    throw new CandidateError(`${source}: result${field === '' ? '' : `.${field}`}: ${issue.message}${more}`);
  }
  const { costs, finalCost, trace } = parsed.data;
  if (trace !== undefined && trace.length !== costs.length) {
    throw new CandidateError(`${source}: result.trace: has ${trace.length} snapshots, expected one per epoch (${costs.length})`);
  }
  const result: RunResult = { costs, finalCost };
  if (trace !== undefined) result.trace = trace as NamedParameters[];
  return result;
}
