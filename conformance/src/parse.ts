import { readFileSync } from 'node:fs';
import type { NamedParameters } from '@lockstep/core';
import type { z } from 'zod';
import { InputError } from './input-error.js';
import type { Run, Vector } from './run.js';
import { type Problem, runProblems, runSchema, vectorProblems, vectorSchema } from './schema.js';

/**
 * Reading runs and vectors: every failure (unreadable file, invalid JSON, a
 * field that breaks the format) becomes one InputError whose one-line message
 * names the source and the field.
 */

/** `training.optimizer.learningRate`, `data.X[3][1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Messages for the few issue kinds the schemas do not word themselves. */
function fallbackMessage(issue: { code?: string; keys?: string[] }): string | undefined {
  if (issue.code === 'unrecognized_keys' && issue.keys !== undefined) {
    const s = issue.keys.length === 1 ? '' : 's';
    return `unexpected field${s} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  }
  return undefined;
}

function fail(source: string, problems: readonly Problem[]): never {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new InputError(source, formatPath(first.path), first.message + more);
}

function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
    message: issue.message,
  }));
}

/** Checks a parsed JSON value against the run format; `source` names it in errors. */
export function parseRun(json: unknown, source: string): Run {
  const result = runSchema.safeParse(json, { error: fallbackMessage });
  if (!result.success) fail(source, problemsOf(result.error));
  const problems = runProblems(result.data);
  if (problems.length > 0) fail(source, problems);
  // runProblems checked init holds exactly W1..WL (rows of numbers) and b1..bL (numbers).
  return { ...result.data, init: result.data.init as NamedParameters };
}

/** Checks a parsed JSON value against the vector format; `source` names it in errors. */
export function parseVector(json: unknown, source: string): Vector {
  const result = vectorSchema.safeParse(json, { error: fallbackMessage });
  if (!result.success) fail(source, problemsOf(result.error));
  const problems = vectorProblems(result.data);
  if (problems.length > 0) fail(source, problems);
  const { reference: _provenance, ...vector } = result.data; // how the costs were made: not part of a run
  return { ...vector, init: result.data.init as NamedParameters };
}

/** JSON.parse with an InputError naming the source. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(source, '', `invalid JSON${where(text, (error as Error).message)} (${(error as Error).message})`);
  }
}

/** " at line L column C" from the character position V8 puts in its message, if any. */
function where(text: string, message: string): string {
  const position = errorPosition(text, message);
  if (position === null) return '';
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line} column ${column}`;
}

/**
 * Where V8's JSON error points: "at position N", or for an unexpected token
 * (NaN, say) the token's place in the excerpt it quotes, found in the text.
 */
function errorPosition(text: string, message: string): number | null {
  const at = /position (\d+)/.exec(message);
  if (at !== null) return Number(at[1]);
  const token = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (token === null) return null;
  const excerpt = text.indexOf(token[2]!);
  const inExcerpt = token[2]!.indexOf(token[1]!);
  return excerpt < 0 || inExcerpt < 0 ? null : excerpt + inExcerpt;
}

/** Reads and parses a JSON file; unreadable files and invalid JSON become InputErrors. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (code ?? message);
    throw new InputError(path, '', `cannot read file: ${reason}`);
  }
  return parseJson(text, path);
}

export function parseVectorFile(path: string): Vector {
  return parseVector(readJsonFile(path), path);
}

export function parseRunFile(path: string): Run {
  return parseRun(readJsonFile(path), path);
}
