import { describe, expect, it } from 'vitest';
import { assertParameterShapes, parametersEqual } from '../parameters.js';
import { createRng } from '../rng.js';
import { initializeParameters } from './initialize-parameters.js';
import { heNormal, xavierNormal } from './initializers.js';

describe('initializeParameters', () => {
  it('gives W_l of n_l x n_(l-1) and zero biases of n_l x 1', () => {
    const layers = [4, 10, 6, 3];
    const p = initializeParameters(layers, createRng(0));
    assertParameterShapes(p, layers);
    expect(p.W.map((w) => w.shape)).toEqual(['10x4', '6x10', '3x6']);
    expect(p.b.every((b) => b.data.every((v) => v === 0))).toBe(true);
    expect(p.W.every((w) => w.data.some((v) => v !== 0))).toBe(true);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const layers = [5, 8, 2];
    expect(parametersEqual(initializeParameters(layers, createRng(3)), initializeParameters(layers, createRng(3)))).toBe(true);
    expect(parametersEqual(initializeParameters(layers, createRng(3)), initializeParameters(layers, createRng(4)))).toBe(false);
  });

  it('draws W1, then W2, ... from one stream, each with its own scheme', () => {
    const rng = createRng(12);
    const w1 = xavierNormal(3, 2, rng);
    const w2 = heNormal(1, 3, rng);
    const p = initializeParameters([2, 3, 1], createRng(12), ['xavier-normal', 'he-normal']);
    expect(p.W[0]!.equals(w1)).toBe(true);
    expect(p.W[1]!.equals(w2)).toBe(true);
  });

  it('refuses bad layers and a wrong number of schemes', () => {
    expect(() => initializeParameters([3], createRng(1))).toThrow(
      'initializeParameters: layers must be at least two positive integers [n0, n1, ...], got [3]',
    );
    expect(() => initializeParameters([3, 0, 1], createRng(1))).toThrow(/got \[3, 0, 1\]/);
    expect(() => initializeParameters([3, 2, 1], createRng(1), ['zeros'])).toThrow('initializeParameters: 1 init schemes for 2 layers');
    expect(() => initializeParameters([3, 2], createRng(1), 'normal' as never)).toThrow(/unknown init scheme "normal"/);
  });
});
