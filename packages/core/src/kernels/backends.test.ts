import { describe, expect, it } from 'vitest';
import type { Backend, MatmulOptions } from '../backend.js';
import { Matrix, ShapeError } from '../matrix.js';
import { backends, getBackend, mathjsBackend, matmulNaive, typedBackend } from './index.js';

/** mulberry32: a tiny seeded generator, local to the tests so they do not depend on the shared Rng. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function randomMatrix(rows: number, cols: number, next: () => number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = (next() - 0.5) * 4;
  return m;
}

/** Largest |got - want| / max(1, |want|). */
function maxRelDiff(got: Matrix, want: Matrix): number {
  expect(got.shape).toBe(want.shape);
  let worst = 0;
  for (let i = 0; i < got.data.length; i++) {
    const g = got.data[i]!;
    const w = want.data[i]!;
    if (Number.isNaN(g) && Number.isNaN(w)) continue;
    if (g === w) continue; // also covers equal infinities
    worst = Math.max(worst, Math.abs(g - w) / Math.max(1, Math.abs(w)));
  }
  return worst;
}

/** An output matrix pre-filled with junk, so a kernel that skips an entry is caught. */
function junk(rows: number, cols: number): Matrix {
  return new Matrix(rows, cols).fill(12345.678);
}

const allBackends: Backend[] = [typedBackend, mathjsBackend];
const transposeCases: MatmulOptions[] = [
  {},
  { transposeA: true },
  { transposeB: true },
  { transposeA: true, transposeB: true },
];

/** Operands for op(a) (m x k) · op(b) (k x n), stored transposed where asked. */
function operands(m: number, k: number, n: number, options: MatmulOptions, next: () => number): [Matrix, Matrix] {
  const a = options.transposeA ? randomMatrix(k, m, next) : randomMatrix(m, k, next);
  const b = options.transposeB ? randomMatrix(n, k, next) : randomMatrix(k, n, next);
  return [a, b];
}

function label(options: MatmulOptions): string {
  return `${options.transposeA ? 'aᵀ' : 'a'}·${options.transposeB ? 'bᵀ' : 'b'}`;
}

// 1x1, sizes on both sides of the 4x2 tile and the 2-step unroll, and the network shapes.
const fixedShapes: [number, number, number][] = [
  [1, 1, 1],
  [1, 5, 400],
  [2, 1, 3],
  [3, 3, 3],
  [4, 2, 4],
  [5, 7, 3],
  [7, 20, 40],
  [8, 9, 2],
  [9, 4, 1],
  [20, 2, 40],
  [13, 17, 11],
];

describe('matmulNaive (the reference loop)', () => {
  it('multiplies a hand-computed 2x3 by 3x2', () => {
    const a = Matrix.fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = Matrix.fromRows([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12]
    expect(matmulNaive(a, b, junk(2, 2)).toRows()).toEqual([
      [58, 64],
      [139, 154],
    ]);
  });

  it('reads transposed operands without a copy', () => {
    const a = Matrix.fromRows([
      [1, 2],
      [3, 4],
    ]);
    const b = Matrix.fromRows([
      [5, 6],
      [7, 8],
    ]);
    // aᵀ = [1 3; 2 4], bᵀ = [5 7; 6 8]
    expect(matmulNaive(a, b, junk(2, 2), { transposeA: true }).toRows()).toEqual([
      [26, 30],
      [38, 44],
    ]);
    expect(matmulNaive(a, b, junk(2, 2), { transposeB: true }).toRows()).toEqual([
      [17, 23],
      [39, 53],
    ]);
    expect(matmulNaive(a, b, junk(2, 2), { transposeA: true, transposeB: true }).toRows()).toEqual([
      [23, 31],
      [34, 46],
    ]);
  });
});

describe.each(allBackends)('$name backend', (backend) => {
  describe('matmul', () => {
    it('matches hand-computed products, including 1x1 and a row times a column', () => {
      const a = Matrix.fromRows([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      const b = Matrix.fromRows([
        [7, 8],
        [9, 10],
        [11, 12],
      ]);
      expect(backend.matmul(a, b, junk(2, 2)).toRows()).toEqual([
        [58, 64],
        [139, 154],
      ]);
      // (2x3)ᵀ · (2x3) = 3x3 Gram matrix of the columns of a.
      expect(backend.matmul(a, a, junk(3, 3), { transposeA: true }).toRows()).toEqual([
        [17, 22, 27],
        [22, 29, 36],
        [27, 36, 45],
      ]);
      // (3x2)ᵀ · (2x3)ᵀ = (a · b)ᵀ
      expect(backend.matmul(b, a, junk(2, 2), { transposeA: true, transposeB: true }).toRows()).toEqual([
        [58, 139],
        [64, 154],
      ]);
      expect(backend.matmul(Matrix.fromRows([[3]]), Matrix.fromRows([[-2.5]]), junk(1, 1)).toRows()).toEqual([[-7.5]]);
      const row = Matrix.fromRows([[1, 2, 3]]);
      expect(backend.matmul(row, row, junk(1, 1), { transposeB: true }).toRows()).toEqual([[14]]);
      expect(backend.matmul(row, row, junk(3, 3), { transposeA: true }).toRows()).toEqual([
        [1, 2, 3],
        [2, 4, 6],
        [3, 6, 9],
      ]);
    });

    for (const options of transposeCases) {
      it(`agrees with the naive loop on fixed and random shapes (${label(options)})`, () => {
        const next = mulberry32(0x5eed + (options.transposeA ? 1 : 0) + (options.transposeB ? 2 : 0));
        const shapes = [...fixedShapes];
        for (let t = 0; t < 12; t++) {
          shapes.push([1 + Math.floor(next() * 19), 1 + Math.floor(next() * 23), 1 + Math.floor(next() * 19)]);
        }
        for (const [m, k, n] of shapes) {
          const [a, b] = operands(m, k, n, options, next);
          const want = matmulNaive(a, b, junk(m, n), options);
          const got = backend.matmul(a, b, junk(m, n), options);
          // The typed kernel sums in the naive loop's order, so it is exact; mathjs may
          // differ in the sign of a zero sum, hence a tolerance rather than equality.
          expect(maxRelDiff(got, want), `${m}x${k}x${n} ${label(options)}`).toBeLessThanOrEqual(1e-12);
        }
      });
    }

    it('leaves its operands untouched and returns out', () => {
      const next = mulberry32(7);
      const a = randomMatrix(6, 5, next);
      const b = randomMatrix(5, 3, next);
      const [a0, b0] = [a.clone(), b.clone()];
      const out = junk(6, 3);
      expect(backend.matmul(a, b, out)).toBe(out);
      expect(a.equals(a0) && b.equals(b0)).toBe(true);
    });

    it('writes zeros for an empty inner dimension and accepts empty outputs', () => {
      const zeros = backend.matmul(new Matrix(3, 0), new Matrix(0, 2), junk(3, 2));
      expect(zeros.toRows()).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
      ]);
      expect(backend.matmul(new Matrix(0, 4), new Matrix(4, 2), new Matrix(0, 2)).shape).toBe('0x2');
      expect(backend.matmul(new Matrix(3, 4), new Matrix(4, 0), new Matrix(3, 0)).shape).toBe('3x0');
    });

    it('propagates NaN and infinity exactly where the naive loop does', () => {
      // 5x3 · 3x3: the last row and column fall in partial tiles whose padding must not leak.
      const a = Matrix.fromRows([
        [1, 2, 3],
        [Infinity, 0, 1],
        [0, 0, 0],
        [NaN, 1, 1],
        [1, -1, Infinity],
      ]);
      const b = Matrix.fromRows([
        [1, 0, 2],
        [0, 1, 0],
        [1, 1, -Infinity],
      ]);
      const want = matmulNaive(a, b, junk(5, 3));
      const got = backend.matmul(a, b, junk(5, 3));
      expect(got.equals(want)).toBe(true);
      expect(Number.isNaN(want.get(2, 2))).toBe(true); // 0 · -Infinity
    });

    it('names both shapes when the inner dimensions differ', () => {
      expect(() => backend.matmul(new Matrix(3, 4), new Matrix(5, 2), new Matrix(3, 2))).toThrow(ShapeError);
      expect(() => backend.matmul(new Matrix(3, 4), new Matrix(5, 2), new Matrix(3, 2))).toThrow(
        'matmul: cannot multiply 3x4 by 5x2',
      );
      expect(() =>
        backend.matmul(new Matrix(3, 4), new Matrix(5, 2), new Matrix(4, 2), { transposeA: true }),
      ).toThrow('matmul: cannot multiply 3x4ᵀ by 5x2 (inner dimensions 3 and 5 differ)');
      expect(() =>
        backend.matmul(new Matrix(3, 4), new Matrix(2, 5), new Matrix(3, 2), { transposeB: true }),
      ).toThrow('matmul: cannot multiply 3x4 by 2x5ᵀ (inner dimensions 4 and 5 differ)');
    });

    it('names the output shape it expected', () => {
      expect(() => backend.matmul(new Matrix(3, 4), new Matrix(4, 2), new Matrix(2, 3))).toThrow(
        'matmul: output is 2x3, expected 3x2 for 3x4 by 4x2',
      );
      expect(() =>
        backend.matmul(new Matrix(4, 3), new Matrix(2, 4), new Matrix(3, 4), { transposeA: true, transposeB: true }),
      ).toThrow('matmul: output is 3x4, expected 3x2 for 4x3ᵀ by 2x4ᵀ');
    });

    it('refuses an output that shares memory with an operand', () => {
      const a = Matrix.fromRows([
        [1, 2],
        [3, 4],
      ]);
      const b = Matrix.fromRows([
        [5, 6],
        [7, 8],
      ]);
      expect(() => backend.matmul(a, b, a)).toThrow('matmul: out (2x2) shares memory with a');
      expect(() => backend.matmul(a, b, b)).toThrow('shares memory with b');
      // A different Matrix object over the same values is still aliasing.
      expect(() => backend.matmul(a, b, new Matrix(2, 2, b.data.subarray(0, 4)))).toThrow('shares memory with b');
      // Disjoint views of one buffer are fine.
      const buffer = new Float64Array(12);
      const x = new Matrix(2, 2, buffer.subarray(0, 4)).copyFrom(a);
      const y = new Matrix(2, 2, buffer.subarray(4, 8)).copyFrom(b);
      const z = new Matrix(2, 2, buffer.subarray(8, 12));
      expect(backend.matmul(x, y, z).toRows()).toEqual([
        [19, 22],
        [43, 50],
      ]);
    });
  });

  describe('element-wise ops', () => {
    const next = mulberry32(99);
    const shapes: [number, number][] = [
      [1, 1],
      [1, 7],
      [5, 1],
      [3, 4],
      [9, 13],
    ];

    it('add, sub and mul match a direct loop on random shapes', () => {
      for (const [r, c] of shapes) {
        const a = randomMatrix(r, c, next);
        const b = randomMatrix(r, c, next);
        const at = (m: Matrix, i: number): number => m.data[i]!;
        const expected = (f: (x: number, y: number) => number): number[] =>
          Array.from(a.data, (_, i) => f(at(a, i), at(b, i)));
        expect(backend.add(a, b, junk(r, c)).toArray()).toEqual(expected((x, y) => x + y));
        expect(backend.sub(a, b, junk(r, c)).toArray()).toEqual(expected((x, y) => x - y));
        expect(backend.mul(a, b, junk(r, c)).toArray()).toEqual(expected((x, y) => x * y));
      }
    });

    it('computes hand-checked values', () => {
      const a = Matrix.fromRows([
        [1, -2],
        [3.5, 0],
      ]);
      const b = Matrix.fromRows([
        [4, 5],
        [-1, 2],
      ]);
      expect(backend.add(a, b, junk(2, 2)).toRows()).toEqual([
        [5, 3],
        [2.5, 2],
      ]);
      expect(backend.sub(a, b, junk(2, 2)).toRows()).toEqual([
        [-3, -7],
        [4.5, -2],
      ]);
      expect(backend.mul(a, b, junk(2, 2)).toRows()).toEqual([
        [4, -10],
        [-3.5, 0],
      ]);
      expect(backend.scale(a, -2, junk(2, 2)).toRows()).toEqual([
        [-2, 4],
        [-7, -0],
      ]);
      const bias = Matrix.column([10, -1]);
      expect(backend.addColumnVector(a, bias, junk(2, 2)).toRows()).toEqual([
        [11, 8],
        [2.5, -1],
      ]);
      expect(backend.rowSums(a, junk(2, 1)).toRows()).toEqual([[-1], [3.5]]);
      expect(backend.colSums(a, junk(1, 2)).toRows()).toEqual([[4.5, -2]]);
    });

    it('scale, addColumnVector, rowSums and colSums match a direct loop on random shapes', () => {
      for (const [r, c] of shapes) {
        const a = randomMatrix(r, c, next);
        const bias = randomMatrix(r, 1, next);
        const s = next() * 3 - 1.5;
        expect(backend.scale(a, s, junk(r, c)).toArray()).toEqual(Array.from(a.data, (x) => s * x));
        const shifted = backend.addColumnVector(a, bias, junk(r, c));
        for (let i = 0; i < r; i++) {
          for (let j = 0; j < c; j++) expect(shifted.get(i, j)).toBe(a.get(i, j) + bias.get(i, 0));
        }
        const rows = backend.rowSums(a, junk(r, 1));
        const cols = backend.colSums(a, junk(1, c));
        for (let i = 0; i < r; i++) {
          let sum = 0;
          for (let j = 0; j < c; j++) sum += a.get(i, j);
          expect(rows.get(i, 0)).toBeCloseTo(sum, 12);
        }
        for (let j = 0; j < c; j++) {
          let sum = 0;
          for (let i = 0; i < r; i++) sum += a.get(i, j);
          expect(cols.get(0, j)).toBeCloseTo(sum, 12);
        }
      }
    });

    it('may write over an input', () => {
      const a = Matrix.fromRows([[1, 2, 3]]);
      const b = Matrix.fromRows([[10, 20, 30]]);
      expect(backend.add(a, b, a).toRows()).toEqual([[11, 22, 33]]);
      expect(backend.sub(a, b, b).toRows()).toEqual([[1, 2, 3]]);
      expect(backend.mul(b, b, b).toRows()).toEqual([[1, 4, 9]]);
      expect(backend.scale(a, 2, a).toRows()).toEqual([[22, 44, 66]]);
      const column = Matrix.column([1, 2]);
      expect(backend.addColumnVector(column, column, column).toRows()).toEqual([[2], [4]]);
      expect(backend.rowSums(column, column).toRows()).toEqual([[2], [4]]);
      expect(backend.colSums(a, a).toRows()).toEqual([[22, 44, 66]]);
    });

    it('refuses an output that only partly overlaps an input', () => {
      const buffer = Float64Array.from([1, 2, 3, 4, 5]);
      const a = new Matrix(1, 4, buffer.subarray(0, 4));
      const shifted = new Matrix(1, 4, buffer.subarray(1, 5));
      expect(() => backend.add(a, a, shifted)).toThrow('add: out (1x4) partly overlaps a (1x4)');
      expect(() => backend.scale(a, 2, shifted)).toThrow('scale: out (1x4) partly overlaps a');
      expect(() => backend.colSums(a, shifted)).toThrow('colSums: out (1x4) partly overlaps a');
      expect(buffer).toEqual(Float64Array.from([1, 2, 3, 4, 5]));
    });

    it('handles empty matrices', () => {
      expect(backend.add(new Matrix(0, 3), new Matrix(0, 3), new Matrix(0, 3)).shape).toBe('0x3');
      expect(backend.rowSums(new Matrix(2, 0), junk(2, 1)).toRows()).toEqual([[0], [0]]);
      expect(backend.colSums(new Matrix(0, 2), junk(1, 2)).toRows()).toEqual([[0, 0]]);
    });

    it('names the operation and both shapes on a mismatch', () => {
      const a = new Matrix(2, 3);
      expect(() => backend.add(a, new Matrix(3, 2), new Matrix(2, 3))).toThrow('add: shapes 2x3 and 3x2 differ');
      expect(() => backend.sub(a, new Matrix(2, 2), new Matrix(2, 3))).toThrow('sub: shapes 2x3 and 2x2 differ');
      expect(() => backend.mul(a, a, new Matrix(3, 2))).toThrow('mul: output is 3x2, expected 2x3');
      expect(() => backend.scale(a, 2, new Matrix(1, 6))).toThrow('scale: output is 1x6, expected 2x3');
      expect(() => backend.addColumnVector(a, new Matrix(1, 2), new Matrix(2, 3))).toThrow(
        'addColumnVector: bias is 1x2, expected 2x1 to add to 2x3',
      );
      expect(() => backend.addColumnVector(a, new Matrix(2, 1), new Matrix(3, 2))).toThrow(
        'addColumnVector: output is 3x2, expected 2x3',
      );
      expect(() => backend.rowSums(a, new Matrix(1, 3))).toThrow(
        'rowSums: output is 1x3, expected 2x1 for the row sums of 2x3',
      );
      expect(() => backend.colSums(a, new Matrix(3, 1))).toThrow(
        'colSums: output is 3x1, expected 1x3 for the column sums of 2x3',
      );
      expect(() => backend.add(a, new Matrix(3, 2), new Matrix(2, 3))).toThrow(ShapeError);
    });
  });
});

describe('typed and mathjs backends side by side', () => {
  it('agree on every kernel over random shapes', () => {
    const next = mulberry32(2024);
    for (let t = 0; t < 25; t++) {
      const r = 1 + Math.floor(next() * 12);
      const c = 1 + Math.floor(next() * 12);
      const k = 1 + Math.floor(next() * 12);
      const a = randomMatrix(r, c, next);
      const b = randomMatrix(r, c, next);
      const bias = randomMatrix(r, 1, next);
      const s = next() * 4 - 2;
      const run = (backend: Backend) => [
        backend.add(a, b, junk(r, c)),
        backend.sub(a, b, junk(r, c)),
        backend.mul(a, b, junk(r, c)),
        backend.scale(a, s, junk(r, c)),
        backend.addColumnVector(a, bias, junk(r, c)),
        backend.rowSums(a, junk(r, 1)),
        backend.colSums(a, junk(1, c)),
        ...transposeCases.map((options) => {
          const [x, y] = operands(r, k, c, options, mulberry32(t));
          return backend.matmul(x, y, junk(r, c), options);
        }),
      ];
      const typed = run(typedBackend);
      const reference = run(mathjsBackend);
      typed.forEach((got, i) => {
        expect(maxRelDiff(got, reference[i]!), `kernel ${i} on ${r}x${c} (k=${k})`).toBeLessThanOrEqual(1e-12);
      });
    }
  });

  it('the typed matmul is bit-for-bit the naive loop (same summation order)', () => {
    const next = mulberry32(77);
    const shapes: [number, number, number][] = [...fixedShapes, [1, 400, 5], [3, 400, 20], [4, 1, 1], [6, 3, 5]];
    for (const options of transposeCases) {
      for (const [m, k, n] of shapes) {
        const [a, b] = operands(m, k, n, options, next);
        const want = matmulNaive(a, b, junk(m, n), options);
        const got = typedBackend.matmul(a, b, junk(m, n), options);
        expect(got.equals(want), `${m}x${k}x${n} ${label(options)}`).toBe(true);
      }
    }
  });

  it('the typed matmul survives a large product after small ones (the packing buffer grows)', () => {
    const next = mulberry32(31);
    for (const [m, k, n] of [
      [3, 2, 5],
      [64, 97, 33],
      [2, 3, 1],
      [70, 130, 41],
    ] as const) {
      for (const options of transposeCases) {
        const [a, b] = operands(m, k, n, options, next);
        const want = matmulNaive(a, b, junk(m, n), options);
        expect(typedBackend.matmul(a, b, junk(m, n), options).equals(want)).toBe(true);
      }
    }
  });
});

describe('getBackend', () => {
  it('finds each backend by name', () => {
    expect(getBackend('typed')).toBe(typedBackend);
    expect(getBackend('mathjs')).toBe(mathjsBackend);
    expect(Object.keys(backends).sort()).toEqual(['mathjs', 'typed']);
    for (const [name, backend] of Object.entries(backends)) expect(backend.name).toBe(name);
  });

  it('lists the valid names for an unknown one', () => {
    expect(() => getBackend('numpy')).toThrow("unknown backend 'numpy': expected one of 'typed', 'mathjs'");
    expect(() => getBackend('toString')).toThrow('unknown backend');
  });
});
