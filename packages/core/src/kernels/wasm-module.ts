/**
 * A tiny WebAssembly module, assembled here byte by byte (no toolchain needed),
 * with these exported functions:
 *
 *   gemm(ap, bp, cp, mp, np, k, bStep, bPanel, ldc, bias, delta)   C = A · B, f64x2 SIMD
 *   gemmBias, gemmBiasRelu, gemmMask (same arguments)            the same, finished by
 *                                                                an epilogue (see Epilogue)
 *   gemmNT(a, b, cp, m, n, k)                                    C = A · Bᵀ, both read in place
 *
 * A is packed in panels of MR = 4 rows (panel i holds, for p = 0..k-1, the MR
 * values A[i·MR + r][p] side by side). B is read NR = 4 columns at a time
 * (B[p][j·NR + c] side by side), either from packed panels or straight from
 * row-major B (see gemmBody). mp and np are the padded sizes (multiples of MR
 * and NR), C has rows ldc bytes apart, and all addresses are byte offsets into
 * the exported memory.
 *
 * Each MR x NR tile of C is held in 8 v128 registers (two f64 lanes each) and
 * accumulated over p = 0, 1, ..., k-1 in order, with a separate multiply and add
 * (WebAssembly has no fused multiply-add in its base SIMD set). So every entry is
 * summed exactly as the naive triple loop sums it: the results are bit-for-bit
 * those of matmulNaive.
 */

/**
 * 4 x 4 tiles: 8 accumulators, 2 for B and 1 for A fit x64's 16 vector
 * registers (8 x 4 needed 19 and spilled). Measured with `pnpm bench` on this
 * 2-core machine, one thread: digits 18.1 -> 14.9 ms per epoch, seed 0.16 ->
 * 0.12 ms (less padding on its 1-, 5- and 7-row layers); the 128x784x256
 * product 15.4 -> 13.8 GFLOP/s (MR = 5 or 6 were between the two on training).
 */
export const WASM_MR = 4;
export const WASM_NR = 4;

const I32 = 0x7f;
const V128 = 0x7b;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
const name = (s: string): number[] => vec([...s].map((c) => [c.charCodeAt(0)]));

// The instructions used, with their encodings from the WebAssembly core and SIMD specs.
const get = (i: number): number[] => [0x20, ...uleb(i)];
const set = (i: number): number[] => [0x21, ...uleb(i)];
const i32const = (v: number): number[] => [0x41, ...sleb(v)];
const i32add = [0x6a];
const i32mul = [0x6c];
const i32sub = [0x6b];
const i32divu = [0x6e];
const i32eqz = [0x45];
const i32geu = [0x4f];
const i32ltu = [0x49];
const select = [0x1b];
const block = [0x02, 0x40];
const loop = [0x03, 0x40];
const end = [0x0b];
const br = (depth: number): number[] => [0x0c, ...uleb(depth)];
const brIf = (depth: number): number[] => [0x0d, ...uleb(depth)];
const call = (f: number): number[] => [0x10, ...uleb(f)];
const simd = (opcode: number, ...immediates: number[]): number[] => [0xfd, ...uleb(opcode), ...immediates];
/** v128.load with 16-byte alignment (log2 = 4) at a constant offset. */
const v128load = (offset: number): number[] => simd(0x00, 4, ...uleb(offset));
const v128store = (offset: number): number[] => simd(0x0b, 4, ...uleb(offset));
/** v128.load64_splat: one f64 into both lanes. */
const load64splat = (offset: number): number[] => simd(0x0a, 3, ...uleb(offset));
/** v128.load64_lane: one f64 into lane `lane` of the vector on the stack. */
const load64lane = (offset: number, lane: number): number[] => simd(0x57, 3, ...uleb(offset), lane);
const f64x2add = simd(0xf0);
const f64x2mul = simd(0xf2);
/** f64x2.max(a, b): the larger lane by lane, NaN if either is NaN, max(+0, -0) = +0. */
const f64x2max = simd(0xf5);
/** f64x2.gt: all-ones lanes where a > b, zero lanes elsewhere (NaN compares false). */
const f64x2gt = simd(0x4a);
const v128and = simd(0x4e);
const v128const = (bytes: number[]): number[] => simd(0x0c, ...bytes);
const v128zero = v128const(new Array<number>(16).fill(0));
/** (1.0, 1.0): the bytes of 1.0 (0x3ff0000000000000), little-endian, twice. */
const v128ones = v128const([0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);

const add = (local: number, amount: number[]): number[] => [...get(local), ...amount, ...i32add, ...set(local)];

/**
 * What a tile does with its sums before storing them (each is exact: the same
 * operation, in the same order, as the separate kernels it replaces):
 * - store:    C = acc
 * - bias:     C = acc + bias[r]                      (matmul, then addColumnVector)
 * - biasRelu: C = acc + bias[r]; C[+delta] = relu(C) (then relu.forward: f64x2.max(+0, z)
 *             is z > 0 ? z : +0, NaN for NaN: relu exactly, -0 included)
 * - mask:     C = acc · [Z > 0], Z at C + delta       (relu.backward: dA · +(z > 0))
 */
export type Epilogue = 'store' | 'bias' | 'biasRelu' | 'mask';

/**
 * kernel(ap, bp, cp, k, ldc, bStep, bias, delta): one MR x NR tile,
 * acc[r][c] = Σ_p A[ap + p·8·MR + 8r] · B[bp + p·bStep + 8c], finished by the
 * epilogue into C[cp + r·ldc + 8c] (bias[r] at bias + 8r; a second block at
 * cp + delta, laid out like C).
 */
function kernelBody(epilogue: Epilogue): number[] {
  const AP = 0, BP = 1, CP = 2, K = 3, LDC = 4, B_STEP = 5, BIAS = 6, DELTA = 7, END = 8;
  const lanes = WASM_NR / 2;
  const acc = (r: number, h: number): number => 9 + r * lanes + h;
  const bReg = (h: number): number => 9 + WASM_MR * lanes + h;
  const aReg = 9 + WASM_MR * lanes + lanes;
  const code: number[] = [];
  code.push(...get(AP), ...get(K), ...i32const(8 * WASM_MR), ...i32mul, ...i32add, ...set(END));
  code.push(...block, ...loop);
  code.push(...get(AP), ...get(END), ...i32geu, ...brIf(1));
  for (let h = 0; h < lanes; h++) code.push(...get(BP), ...v128load(16 * h), ...set(bReg(h)));
  for (let r = 0; r < WASM_MR; r++) {
    code.push(...get(AP), ...load64splat(8 * r), ...set(aReg));
    for (let h = 0; h < lanes; h++) {
      code.push(...get(acc(r, h)), ...get(aReg), ...get(bReg(h)), ...f64x2mul, ...f64x2add, ...set(acc(r, h)));
    }
  }
  code.push(...add(AP, i32const(8 * WASM_MR)), ...add(BP, get(B_STEP)));
  code.push(...br(0), ...end, ...end);
  for (let r = 0; r < WASM_MR; r++) {
    // aReg is free now: it holds bias[r], splat
    if (epilogue === 'bias' || epilogue === 'biasRelu') code.push(...get(BIAS), ...load64splat(8 * r), ...set(aReg));
    for (let h = 0; h < lanes; h++) {
      const value = acc(r, h);
      if (epilogue === 'bias' || epilogue === 'biasRelu') {
        code.push(...get(value), ...get(aReg), ...f64x2add, ...set(value));
      }
      if (epilogue === 'mask') {
        // value · ([Z > 0] as 1.0 or +0.0): the comparison gives all-ones or zero lanes
        code.push(...get(value), ...get(CP), ...get(DELTA), ...i32add, ...v128load(16 * h));
        code.push(...v128zero, ...f64x2gt, ...v128ones, ...v128and, ...f64x2mul, ...set(value));
      }
      code.push(...get(CP), ...get(value), ...v128store(16 * h));
      if (epilogue === 'biasRelu') {
        code.push(...get(CP), ...get(DELTA), ...i32add, ...v128zero, ...get(value), ...f64x2max, ...v128store(16 * h));
      }
    }
    code.push(...add(CP, get(LDC)));
  }
  code.push(...end);
  const locals = vec([[...uleb(1), I32], [...uleb(WASM_MR * lanes + lanes + 1), V128]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/**
 * gemm(ap, bp, cp, mp, np, k, bStep, bPanel, ldc, bias, delta): for each
 * NR-column panel of B and each MR-row panel of A, one call of `kernel`. Row p
 * of B's panel j starts at bp + j·bPanel + p·bStep: packed panels have
 * bStep = 8·NR and bPanel = 8·NR·k; B left row-major (k x n) has bStep = 8·n
 * and bPanel = 8·NR. bias advances with the rows; delta is passed through.
 *
 * C rows are ldc bytes apart, and ldc may be 8·n with n not a multiple of NR:
 * the last panel's tiles then spill their extra columns onto the start of the
 * next row. Panels run from the last to the first, so every spill is
 * overwritten by the tile that owns those entries, and C comes out as a plain
 * row-major m x n block (one copy out). The caller leaves room for the spill
 * of the last row and for the padded rows (in C, the block at C + delta, and
 * the bias).
 */
function gemmBody(kernel: number): number[] {
  const AP = 0, BP = 1, CP = 2, MP = 3, NP = 4, K = 5, B_STEP = 6, PANEL_B = 7, LDC = 8, BIAS = 9, DELTA = 10;
  const A = 11, B = 12, C = 13, I = 14, J = 15, PANEL_A = 16, C_STEP = 17, BIAS_ROW = 18;
  const code: number[] = [];
  code.push(...get(K), ...i32const(8 * WASM_MR), ...i32mul, ...set(PANEL_A));
  code.push(...get(LDC), ...i32const(WASM_MR), ...i32mul, ...set(C_STEP));
  // J = np - NR, B = bp + (np / NR - 1) · bPanel: start at the last panel.
  code.push(...get(NP), ...i32const(-WASM_NR), ...i32add, ...set(J));
  code.push(...get(BP), ...get(J), ...i32const(WASM_NR), ...i32divu, ...get(PANEL_B), ...i32mul, ...i32add, ...set(B));
  code.push(...block, ...loop);
  //   inner: A from the first panel, C from column J of row 0, the bias from row 0
  code.push(...get(AP), ...set(A), ...get(CP), ...get(J), ...i32const(8), ...i32mul, ...i32add, ...set(C));
  code.push(...get(BIAS), ...set(BIAS_ROW), ...i32const(0), ...set(I));
  code.push(...block, ...loop);
  code.push(...get(I), ...get(MP), ...i32geu, ...brIf(1));
  code.push(...get(A), ...get(B), ...get(C), ...get(K), ...get(LDC), ...get(B_STEP), ...get(BIAS_ROW), ...get(DELTA));
  code.push(...call(kernel));
  code.push(...add(A, get(PANEL_A)), ...add(C, get(C_STEP)), ...add(BIAS_ROW, i32const(8 * WASM_MR)));
  code.push(...add(I, i32const(WASM_MR)));
  code.push(...br(0), ...end, ...end);
  code.push(...get(J), ...i32eqz, ...brIf(1));
  code.push(...get(B), ...get(PANEL_B), ...i32sub, ...set(B), ...add(J, i32const(-WASM_NR)));
  code.push(...br(0), ...end, ...end);
  code.push(...end);
  const locals = vec([[...uleb(8), I32]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/**
 * kernelNT(a0, rows, b0, cols, cp, k, ldc): one MR x NR tile of C = A · Bᵀ with
 * A and B both row-major with k columns, read in place (no packing):
 * C[cp + r·ldc + 8c] = Σ_p A[a0 + r·8k + 8p] · B[b0 + c·8k + 8p]. Rows past
 * `rows` and columns past `cols` read row 0 instead (valid memory; those
 * entries land only in padding that is never copied out).
 */
function kernelNTBody(): number[] {
  const A0 = 0, ROWS = 1, B0 = 2, COLS = 3, CP = 4, K = 5, LDC = 6;
  const P = 7, END = 8, ROW = 9;
  const aBase = (r: number): number => 10 + r;
  const bBase = (c: number): number => 10 + WASM_MR + c;
  const firstVector = 10 + WASM_MR + WASM_NR;
  const lanes = WASM_NR / 2;
  const acc = (r: number, h: number): number => firstVector + r * lanes + h;
  const bReg = (h: number): number => firstVector + WASM_MR * lanes + h;
  const aReg = firstVector + WASM_MR * lanes + lanes;
  const code: number[] = [];
  code.push(...get(K), ...i32const(8), ...i32mul, ...set(ROW));
  // base_r = r < rows ? a0 + r·row : a0, and likewise for the columns of B.
  for (let r = 0; r < WASM_MR; r++) {
    code.push(...get(A0), ...i32const(r), ...get(ROW), ...i32mul, ...i32add, ...get(A0));
    code.push(...i32const(r), ...get(ROWS), ...i32ltu, ...select, ...set(aBase(r)));
  }
  for (let c = 0; c < WASM_NR; c++) {
    code.push(...get(B0), ...i32const(c), ...get(ROW), ...i32mul, ...i32add, ...get(B0));
    code.push(...i32const(c), ...get(COLS), ...i32ltu, ...select, ...set(bBase(c)));
  }
  code.push(...i32const(0), ...set(P), ...get(ROW), ...set(END));
  code.push(...block, ...loop);
  code.push(...get(P), ...get(END), ...i32geu, ...brIf(1));
  for (let h = 0; h < lanes; h++) {
    // (B[c][p], B[c+1][p]) from two rows of B
    code.push(...get(bBase(2 * h + 1)), ...get(P), ...i32add);
    code.push(...get(bBase(2 * h)), ...get(P), ...i32add, ...load64splat(0));
    code.push(...load64lane(0, 1), ...set(bReg(h)));
  }
  for (let r = 0; r < WASM_MR; r++) {
    code.push(...get(aBase(r)), ...get(P), ...i32add, ...load64splat(0), ...set(aReg));
    for (let h = 0; h < lanes; h++) {
      code.push(...get(acc(r, h)), ...get(aReg), ...get(bReg(h)), ...f64x2mul, ...f64x2add, ...set(acc(r, h)));
    }
  }
  code.push(...add(P, i32const(8)));
  code.push(...br(0), ...end, ...end);
  for (let r = 0; r < WASM_MR; r++) {
    for (let h = 0; h < lanes; h++) code.push(...get(CP), ...get(acc(r, h)), ...v128store(16 * h));
    code.push(...add(CP, get(LDC)));
  }
  code.push(...end);
  const locals = vec([[...uleb(3 + WASM_MR + WASM_NR), I32], [...uleb(WASM_MR * lanes + lanes + 1), V128]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/**
 * gemmNT(a, b, cp, m, n, k): C = A · Bᵀ for A (m x k) and B (n x k) both
 * row-major in memory as they are: the product behind dW = dZ · A(l-1)ᵀ, whose
 * operands would otherwise both need packing. C is written as in gemm (ldc =
 * 8n, column panels from last to first, room for the spill and padded rows).
 */
function gemmNTBody(kernelNT: number): number[] {
  const AP = 0, BP = 1, CP = 2, M = 3, N = 4, K = 5;
  const I = 6, J = 7, LDC = 8, ROW_BYTES = 9, A = 10, C = 11;
  const code: number[] = [];
  code.push(...get(N), ...i32const(8), ...i32mul, ...set(LDC));
  code.push(...get(K), ...i32const(8), ...i32mul, ...set(ROW_BYTES));
  // J = the first column of the last panel: ((n - 1) / NR) · NR
  code.push(...get(N), ...i32const(-1), ...i32add, ...i32const(WASM_NR), ...i32divu, ...i32const(WASM_NR), ...i32mul, ...set(J));
  code.push(...block, ...loop);
  code.push(...get(AP), ...set(A), ...get(CP), ...get(J), ...i32const(8), ...i32mul, ...i32add, ...set(C));
  code.push(...i32const(0), ...set(I));
  code.push(...block, ...loop);
  code.push(...get(I), ...get(M), ...i32geu, ...brIf(1));
  // kernelNT(A, m - I, b + J·row, n - J, C, k, ldc)
  code.push(...get(A), ...get(M), ...get(I), ...i32sub);
  code.push(...get(BP), ...get(J), ...get(ROW_BYTES), ...i32mul, ...i32add, ...get(N), ...get(J), ...i32sub);
  code.push(...get(C), ...get(K), ...get(LDC), ...call(kernelNT));
  code.push(...get(A), ...get(ROW_BYTES), ...i32const(WASM_MR), ...i32mul, ...i32add, ...set(A));
  code.push(...get(C), ...get(LDC), ...i32const(WASM_MR), ...i32mul, ...i32add, ...set(C));
  code.push(...add(I, i32const(WASM_MR)));
  code.push(...br(0), ...end, ...end);
  code.push(...get(J), ...i32eqz, ...brIf(1));
  code.push(...add(J, i32const(-WASM_NR)));
  code.push(...br(0), ...end, ...end);
  code.push(...end);
  const locals = vec([[...uleb(6), I32]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/** The exported drivers, one per epilogue, plus gemmNT; the functions' order in the module. */
const EPILOGUES: readonly Epilogue[] = ['store', 'bias', 'biasRelu', 'mask'];
export const GEMM_EXPORTS: Readonly<Record<Epilogue, string>> = {
  store: 'gemm',
  bias: 'gemmBias',
  biasRelu: 'gemmBiasRelu',
  mask: 'gemmMask',
};

/** The largest memory the module may use: 16384 pages of 64 KiB (1 GiB), so byte offsets fit an i32. */
export const WASM_MAX_PAGES = 16384;

/**
 * The module's bytes. Functions: kernelNT (0), gemmNT (1), then for each
 * epilogue its kernel (2 + 2e) and its driver (3 + 2e); the drivers and gemmNT
 * are exported. The memory is imported as `env.memory` (at most
 * WASM_MAX_PAGES), shared when `shared` is true, so worker threads can run the
 * same module on the same memory.
 */
export function gemmModuleBytes(shared: boolean): Uint8Array {
  const i32s = (count: number): number[][] => new Array<number[]>(count).fill([I32]);
  const types = [
    [0x60, ...vec(i32s(7)), ...vec([])], // 0 kernelNT
    [0x60, ...vec(i32s(6)), ...vec([])], // 1 gemmNT
    [0x60, ...vec(i32s(8)), ...vec([])], // 2 kernel
    [0x60, ...vec(i32s(11)), ...vec([])], // 3 gemm
  ];
  const functionTypes = [uleb(0), uleb(1), ...EPILOGUES.flatMap(() => [uleb(2), uleb(3)])];
  const bodies = [kernelNTBody(), gemmNTBody(0), ...EPILOGUES.flatMap((e, i) => [kernelBody(e), gemmBody(2 + 2 * i)])];
  // limits: flags 0x01 (a maximum follows) or 0x03 (shared, with a maximum), then min, max pages
  const memoryImport = [...name('env'), ...name('memory'), 0x02, shared ? 0x03 : 0x01, ...uleb(1), ...uleb(WASM_MAX_PAGES)];
  const exports = [
    [...name('gemmNT'), 0x00, ...uleb(1)],
    ...EPILOGUES.map((e, i) => [...name(GEMM_EXPORTS[e]), 0x00, ...uleb(3 + 2 * i)]),
  ];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(functionTypes)),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}
