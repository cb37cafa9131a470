/**
 * A dense float64 matrix stored row-major in one Float64Array.
 *
 * Networks keep examples in columns (A0 = Xᵀ is n0 x m), as in the math:
 * Z = W·A + b. Nothing here allocates except the constructors and `clone`.
 */
export class Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;

  constructor(rows: number, cols: number, data?: Float64Array) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new ShapeError(`Matrix: shape must be two non-negative integers, got ${rows}x${cols}`);
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new ShapeError(`Matrix: ${rows}x${cols} needs ${rows * cols} values, got ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(rows * cols);
  }

  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** Builds a matrix from an array of equal-length rows. */
  static fromRows(rows: readonly (readonly number[])[]): Matrix {
    const r = rows.length;
    const c = r === 0 ? 0 : rows[0]!.length;
    const out = new Matrix(r, c);
    for (let i = 0; i < r; i++) {
      const row = rows[i]!;
      if (row.length !== c) {
        throw new ShapeError(`Matrix.fromRows: row ${i} has ${row.length} values, expected ${c}`);
      }
      out.data.set(row, i * c);
    }
    return out;
  }

  /** An n x 1 column vector (the shape of a bias). */
  static column(values: readonly number[]): Matrix {
    return new Matrix(values.length, 1, Float64Array.from(values));
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j]!;
  }

  set(i: number, j: number, value: number): void {
    this.data[i * this.cols + j] = value;
  }

  get shape(): string {
    return `${this.rows}x${this.cols}`;
  }

  get size(): number {
    return this.data.length;
  }

  sameShape(other: Matrix): boolean {
    return this.rows === other.rows && this.cols === other.cols;
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** Copies `other` into this matrix (shapes must match). */
  copyFrom(other: Matrix): this {
    assertSameShape('copyFrom', this, other);
    this.data.set(other.data);
    return this;
  }

  fill(value: number): this {
    this.data.fill(value);
    return this;
  }

  toRows(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) {
      out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    }
    return out;
  }

  /** The values of an n x 1 or 1 x n matrix as a plain array. */
  toArray(): number[] {
    return Array.from(this.data);
  }

  transpose(): Matrix {
    const out = new Matrix(this.cols, this.rows);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) out.data[j * this.rows + i] = this.data[i * this.cols + j]!;
    }
    return out;
  }

  /** Columns [start, end) as a new matrix: a mini-batch when examples are columns. */
  columns(start: number, end: number): Matrix {
    if (start < 0 || end > this.cols || start > end) {
      throw new ShapeError(`Matrix.columns: range [${start}, ${end}) outside ${this.shape}`);
    }
    const width = end - start;
    const out = new Matrix(this.rows, width);
    for (let i = 0; i < this.rows; i++) {
      out.data.set(this.data.subarray(i * this.cols + start, i * this.cols + end), i * width);
    }
    return out;
  }

  /** Bit-for-bit equality (NaN equals NaN, +0 differs from -0 only if you care: here it does not). */
  equals(other: Matrix): boolean {
    if (!this.sameShape(other)) return false;
    for (let i = 0; i < this.data.length; i++) {
      const a = this.data[i]!;
      const b = other.data[i]!;
      if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) return false;
    }
    return true;
  }
}

/** A shape mismatch: the message names the operation and both shapes. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

export function assertSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new ShapeError(`${op}: shapes ${a.shape} and ${b.shape} differ`);
  }
}

export function assertShape(op: string, m: Matrix, rows: number, cols: number, what = 'output'): void {
  if (m.rows !== rows || m.cols !== cols) {
    throw new ShapeError(`${op}: ${what} is ${m.shape}, expected ${rows}x${cols}`);
  }
}
