import { describe, expect, it } from 'vitest';
import { flower } from './flower.js';
import { linspace } from './linspace.js';

describe('flower', () => {
  it('gives 400 points of 2 features by default, 200 per class, binary targets', () => {
    const d = flower({ seed: 1 });
    expect(d.name).toBe('flower');
    expect(d.X).toHaveLength(400);
    expect(d.X.every((row) => row.length === 2 && row.every(Number.isFinite))).toBe(true);
    expect(d.classes).toEqual(['0', '1']);
    expect(d.Y.slice(0, 200).every((y) => y.length === 1 && y[0] === 0)).toBe(true);
    expect(d.Y.slice(200).every((y) => y.length === 1 && y[0] === 1)).toBe(true);
    expect(d.labels).toEqual(d.Y.map((y) => String(y[0])));
  });

  it('is the same for the same seed and different for another', () => {
    expect(flower({ seed: 3 })).toEqual(flower({ seed: 3 }));
    expect(flower({ seed: 4 }).X).not.toEqual(flower({ seed: 3 }).X);
  });

  it('without noise lies exactly on r = a·sin(4t), t = linspace(j·3.12, (j+1)·3.12, N)', () => {
    const d = flower({ seed: 1, m: 10, petals: 2.5, noise: 0 });
    for (const j of [0, 1]) {
      linspace(j * 3.12, (j + 1) * 3.12, 5).forEach((t, i) => {
        const r = 2.5 * Math.sin(4 * t);
        expect(d.X[j * 5 + i]).toEqual([r * Math.sin(t), r * Math.cos(t)]);
      });
    }
  });

  it('adds noise of the requested size', () => {
    const d = flower({ seed: 5, m: 4000, noise: 0.2 });
    // Without noise every radius is at most a = 4; with noise 0.2 a few reach past it, but not far.
    const radii = d.X.map(([x, y]) => Math.hypot(x!, y!));
    const beyond = radii.filter((r) => r > 4).length;
    expect(beyond).toBeGreaterThan(0);
    expect(Math.max(...radii)).toBeLessThan(4 + 6 * 0.2);
  });

  it('splits an odd m as floor(m/2) and the rest', () => {
    const d = flower({ seed: 1, m: 7 });
    expect(d.Y.map((y) => y[0])).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });

  it('rejects bad options, naming them', () => {
    expect(() => flower({ seed: 1, m: 1 })).toThrow('flower: m must be an integer >= 2 (two classes), got 1');
    expect(() => flower({ seed: 1, m: 10.5 })).toThrow(RangeError);
    expect(() => flower({ seed: 1, noise: -0.1 })).toThrow(/noise must be a finite number >= 0/);
    expect(() => flower({ seed: 1, petals: 0 })).toThrow(/petals must be a finite number > 0/);
    expect(() => flower({ seed: 0.5 })).toThrow('flower: seed must be a whole number (the points are drawn from createRng(seed)), got 0.5');
    expect(() => flower(undefined as never)).toThrow(new TypeError('flower: expected an object of options (seed, m, petals, noise), got undefined'));
    expect(() => flower({ seed: 1, bogus: 1 } as never)).toThrow('flower: unknown option "bogus" (expected seed, m, petals, noise)');
  });
});
