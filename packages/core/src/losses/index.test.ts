import { describe, expect, it } from 'vitest';
import { bce, getLoss, losses } from './index.js';

describe('losses', () => {
  it('lists every loss under its own name', () => {
    expect(Object.keys(losses).sort()).toEqual(['bce', 'ce', 'mse']);
    for (const [name, loss] of Object.entries(losses)) expect(loss.name).toBe(name);
  });

  it('getLoss finds by name and names the valid ones on a miss', () => {
    expect(getLoss('bce')).toBe(bce);
    expect(() => getLoss('hinge')).toThrow('unknown loss "hinge": expected one of bce, ce, mse');
    expect(() => getLoss('constructor')).toThrow(/unknown loss "constructor"/);
  });
});
