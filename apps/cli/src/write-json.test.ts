import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './usage-error.js';
import { assertWritableTarget, toJson, writeJsonAtomic } from './write-json.js';

describe('toJson', () => {
  it('keeps NaN and infinities as strings instead of the null JSON.stringify would write', () => {
    expect(JSON.parse(toJson({ a: Number.NaN, b: Infinity, c: -Infinity, d: 1.5, e: null }))).toEqual({
      a: 'NaN',
      b: 'Infinity',
      c: '-Infinity',
      d: 1.5,
      e: null,
    });
  });
});

describe('writeJsonAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-write-'));

  it('replaces the target whole and leaves no temporary file behind', () => {
    const path = join(dir, 'report.json');
    writeFileSync(path, 'old');
    writeJsonAtomic(path, { totals: { runs: 1 } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ totals: { runs: 1 } });
    expect(readdirSync(dir).filter((f) => f !== 'a-folder')).toEqual(['report.json']);
  });

  it('fails with a UsageError naming the file, writing nothing, when the target cannot be written', () => {
    const folder = join(dir, 'a-folder'); // a folder where the report should go: the rename fails
    mkdirSync(folder);
    expect(() => writeJsonAtomic(folder, { x: 1 })).toThrow(UsageError);
    expect(() => writeJsonAtomic(folder, { x: 1 })).toThrow(new RegExp(`^cannot write ${folder}: E[A-Z]+$`));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('assertWritableTarget', () => {
  it('accepts a file in an existing folder and rejects a missing folder', () => {
    expect(() => assertWritableTarget(join(tmpdir(), 'r.json'))).not.toThrow();
    expect(() => assertWritableTarget(join(tmpdir(), 'no-such-lockstep-folder', 'r.json'))).toThrow(/folder .*no-such-lockstep-folder does not exist/);
  });
});
