import { describe, expect, it } from 'vitest';
import { DataError } from './data-error.js';

describe('DataError', () => {
  it('is an Error that callers can tell apart by class and name', () => {
    const error = new DataError('iris.csv line 7: bad');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DataError);
    expect(error.name).toBe('DataError');
    expect(error.message).toBe('iris.csv line 7: bad');
  });
});
