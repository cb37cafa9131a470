import { describe, expect, it } from 'vitest';
import { activations, getActivation, relu, softmax } from './index.js';

describe('activations', () => {
  it('lists every activation under its own name', () => {
    expect(Object.keys(activations).sort()).toEqual(['leakyRelu', 'linear', 'relu', 'sigmoid', 'softmax', 'tanh']);
    for (const [name, activation] of Object.entries(activations)) expect(activation.name).toBe(name);
  });

  it('getActivation finds by name and names the valid ones on a miss', () => {
    expect(getActivation('relu')).toBe(relu);
    expect(getActivation('softmax')).toBe(softmax);
    expect(() => getActivation('gelu')).toThrow(
      'unknown activation "gelu": expected one of relu, leakyRelu, tanh, sigmoid, softmax, linear',
    );
    expect(() => getActivation('toString')).toThrow(/unknown activation "toString"/);
  });
});
