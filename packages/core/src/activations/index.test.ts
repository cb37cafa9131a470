import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
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

describe('element-wise activations', () => {
  it('backward is bit-identical to dA ⊙ derivative, so either form gives the same training run', () => {
    const z = Matrix.fromRows([
      [-3.3, -0.7, 0.2, 1.9],
      [0.05, -12, 7.5, 0.61],
    ]);
    const dA = Matrix.fromRows([
      [0.3, -1.7, 2.9, 0.123],
      [-0.01, 5.5, -0.77, 3.1],
    ]);
    for (const activation of Object.values(activations)) {
      if (!activation.derivative) continue;
      const a = activation.forward(z, Matrix.zeros(2, 4));
      const g = activation.derivative(z, a, Matrix.zeros(2, 4));
      const viaBackward = activation.backward(dA, z, a, Matrix.zeros(2, 4));
      const product = dA.data.map((d, i) => d * g.data[i]!);
      expect(Array.from(viaBackward.data), activation.name).toEqual(Array.from(product));
    }
  });
});
