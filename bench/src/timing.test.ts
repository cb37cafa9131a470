import { describe, expect, it } from 'vitest';
import { measure, repeatFor, summarize } from './timing.js';

describe('summarize', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(summarize([5, 1, 3])).toMatchObject({ median: 3, min: 1, max: 5 });
    expect(summarize([4, 1, 3, 2])).toMatchObject({ median: 2.5, min: 1, max: 4 });
  });
});

describe('measure', () => {
  it('runs the warm-up unmeasured and divides each repetition by the units it did', () => {
    let calls = 0;
    const timing = measure(
      () => {
        calls++;
        return 4;
      },
      2,
      3,
    );
    expect(calls).toBe(5);
    expect(timing.samples).toHaveLength(3);
  });

  it('repeatFor runs until the time has passed and counts the calls', () => {
    let calls = 0;
    const count = repeatFor(() => calls++, 5)();
    expect(count).toBe(calls);
    expect(count).toBeGreaterThan(0);
  });
});
