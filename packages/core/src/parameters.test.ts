import { describe, expect, it } from 'vitest';
import { initializeParameters } from './init/index.js';
import { Matrix, ShapeError } from './matrix.js';
import { assertParameterShapes, assertParameters, cloneParameters, parametersFromNamed } from './parameters.js';
import { createRng } from './rng.js';

const layers = [2, 4, 3, 1];
const fresh = () => initializeParameters(layers, createRng(1), 'he-normal');

describe('assertParameters', () => {
  it('accepts parameters that fit, and returns the widths (given or inferred)', () => {
    expect(assertParameters(fresh(), 'init', layers)).toEqual(layers);
    expect(assertParameters(fresh(), 'init')).toEqual(layers);
  });

  it('names the first NaN or infinite value: init.W2[i][j], init.b3[i]', () => {
    const p = fresh();
    p.W[1]!.set(2, 1, Number.NaN);
    expect(() => assertParameters(p, 'init', layers)).toThrow(new RangeError('init.W2[2][1] is NaN, expected a finite number'));
    const q = fresh();
    q.b[2]!.data[0] = -Infinity;
    expect(() => assertParameters(q, 'init')).toThrow('init.b3[0] is -Infinity, expected a finite number');
  });

  it('refuses what is not parameters at all with a TypeError naming the place', () => {
    expect(() => assertParameters({}, 'init', layers)).toThrow(
      new TypeError('init.W must be an array of weight matrices, one per layer, got undefined'),
    );
    expect(() => assertParameters(undefined, 'init')).toThrow('init must be { W: Matrix[], b: Matrix[] }');
    const rows = { W: fresh().W.map((w) => w.toRows()), b: fresh().b };
    expect(() => assertParameters(rows, 'init')).toThrow('init.W1 must be a Matrix (Matrix.fromRows(rows) makes one), got an array');
  });

  it('refuses wrong counts and shapes with a ShapeError naming the parameter', () => {
    const p = fresh();
    expect(() => assertParameters(p, 'init', [2, 4, 3, 2])).toThrow(new ShapeError('init.W3 is 1x3, expected 2x3'));
    expect(() => assertParameters(p, 'init', [2, 4, 1])).toThrow(
      'init has 3 weight and 3 bias matrices, expected 2 of each (layers [2, 4, 1])',
    );
    expect(() => assertParameters({ W: p.W, b: p.b.slice(1) }, 'init')).toThrow('init has 3 weight and 2 bias matrices');
    expect(() => assertParameters({ W: [], b: [] }, 'init')).toThrow('init has no layers');
    const broken = cloneParameters(p);
    broken.W[1] = new Matrix(3, 5); // W1 has 4 outputs
    expect(() => assertParameters(broken, 'init')).toThrow('init.W2 is 3x5, expected 3x4');
    expect(() => assertParameterShapes({ W: p.W, b: [p.b[0]!, new Matrix(3, 2), p.b[2]!] }, layers)).toThrow(
      'parameters.b2 is 3x2, expected 3x1',
    );
  });

  it('parametersFromNamed checks the shapes it infers', () => {
    expect(() => parametersFromNamed({ W1: [[1, 2]], b1: [0], W2: [[1, 2]], b2: [0] })).toThrow('parameters.W2 is 1x2, expected 1x1');
  });
});
