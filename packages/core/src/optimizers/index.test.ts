import { describe, expect, it } from 'vitest';
import { Matrix } from '../matrix.js';
import { createOptimizer, type OptimizerSpec } from './index.js';

describe('createOptimizer', () => {
  it('builds every kind with its defaults filled in', () => {
    expect(createOptimizer({ kind: 'sgd', learningRate: 0.1 }).spec).toEqual({ kind: 'sgd', learningRate: 0.1 });
    expect(createOptimizer({ kind: 'momentum', learningRate: 0.1, momentum: 0.9 }).spec).toEqual({
      kind: 'momentum',
      learningRate: 0.1,
      momentum: 0.9,
      dampening: 0,
    });
    expect(createOptimizer({ kind: 'adam', learningRate: 0.01 }).spec).toEqual({
      kind: 'adam',
      learningRate: 0.01,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    });
    expect(createOptimizer({ kind: 'rmsprop', learningRate: 0.01, rho: 0.95 }).spec).toEqual({
      kind: 'rmsprop',
      learningRate: 0.01,
      rho: 0.95,
      epsilon: 1e-8,
    });
  });

  it('gives each call fresh state', () => {
    const spec: OptimizerSpec = { kind: 'momentum', learningRate: 1, momentum: 0.5 };
    const first = createOptimizer(spec);
    const p = Matrix.zeros(1, 1);
    const g = Matrix.fromRows([[1]]);
    first.step([p], [g]);
    first.step([p], [g]);
    const q = Matrix.zeros(1, 1);
    createOptimizer(spec).step([q], [g]);
    expect(q.data[0]).toBe(-1);
  });

  it('rejects bad specs from files with an error naming the field', () => {
    expect(() => createOptimizer({ kind: 'nesterov', learningRate: 0.1 } as never)).toThrow(
      'optimizer: unknown kind "nesterov" (expected one of sgd, momentum, adam, rmsprop)',
    );
    expect(() => createOptimizer({ kind: 'sgd', learningRate: '0.1' } as never)).toThrow(
      'sgd: learningRate must be a positive finite number, got "0.1"',
    );
    expect(() => createOptimizer({ kind: 'adam' } as never)).toThrow('adam: learningRate must be a positive finite number, got undefined');
    expect(() => createOptimizer({ kind: 'adam', learningRate: 0.1, beta2: null } as never)).toThrow(
      'adam: beta2 must be a number in [0, 1), got null',
    );
    expect(() => createOptimizer(null as never)).toThrow('optimizer: expected an object with a "kind", got null');
  });
});
