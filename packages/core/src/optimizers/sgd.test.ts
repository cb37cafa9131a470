import { describe, expect, it } from 'vitest';
import { Matrix, ShapeError } from '../matrix.js';
import { sgd } from './sgd.js';

describe('sgd', () => {
  it('steps P ← P - lr·G on every parameter, in place', () => {
    const w = Matrix.fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = Matrix.column([0.5, -0.5]);
    const opt = sgd({ learningRate: 0.1 });
    opt.step(
      [w, b],
      [
        Matrix.fromRows([
          [10, 0],
          [-10, 1],
        ]),
        Matrix.column([1, 2]),
      ],
    );
    expect(w.toRows()).toEqual([
      [1 - 0.1 * 10, 2],
      [3 + 0.1 * 10, 4 - 0.1],
    ]);
    expect(b.toArray()).toEqual([0.5 - 0.1, -0.5 - 0.2]);
    expect(opt.spec).toEqual({ kind: 'sgd', learningRate: 0.1 });
  });

  it('rejects a bad learning rate, unknown fields and mismatched gradients', () => {
    expect(() => sgd({ learningRate: 0 })).toThrow('sgd: learningRate must be a positive finite number, got 0');
    expect(() => sgd({ learningRate: Number.NaN })).toThrow(/got NaN/);
    expect(() => sgd({ learningRate: 0.1, momentum: 0.9 } as never)).toThrow(
      'sgd: unknown field "momentum" (expected learningRate)',
    );
    const opt = sgd({ learningRate: 0.1 });
    expect(() => opt.step([Matrix.zeros(2, 2)], [])).toThrow(ShapeError);
    expect(() => opt.step([Matrix.zeros(2, 2)], [])).toThrow('sgd.step: 1 parameters but 0 gradients');
    expect(() => opt.step([Matrix.zeros(2, 2)], [Matrix.zeros(2, 1)])).toThrow(
      'sgd.step: parameter 0 is 2x2 but its gradient is 2x1',
    );
  });
});
