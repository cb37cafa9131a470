import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * JSON has no NaN or Infinity (JSON.stringify would silently write null);
 * write them as the strings "NaN", "Infinity", "-Infinity" so nothing is lost.
 */
export function toJson(data: unknown): string {
  return `${JSON.stringify(data, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value), 2)}\n`;
}

/** Checks before a long run that the report can be written: the folder must exist, the path must not be a folder. */
export function assertWritableTarget(path: string): void {
  if (path.trim() === '') throw new UsageError('--json: expected a file name, got ""');
  const target = resolve(path);
  if (isFolder(target)) throw new UsageError(`--json ${path}: is a folder, expected a file name (e.g. ${join(path, 'report.json')})`);
  const folder = dirname(target);
  if (!isFolder(folder)) throw new UsageError(`--json ${path}: folder ${folder} does not exist`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

let counter = 0;

/**
 * Writes the file whole or not at all: to a temporary file in the same folder
 * (so the rename stays on one file system and is atomic), then renamed over
 * the target. A reader never sees half a report.
 */
export function writeJsonAtomic(path: string, data: unknown): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${counter++}.tmp`);
  try {
    writeFileSync(temp, toJson(data));
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`cannot write ${path}: ${code ?? message}`);
  }
}
