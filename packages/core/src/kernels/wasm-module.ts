/**
 * A tiny WebAssembly module, assembled here byte by byte (no toolchain needed),
 * with two exported functions:
 *
 *   gemm(ap, bp, cp, mp, np, k, bStep, bPanel, ldc)   C = A · B, f64x2 SIMD
 *   gemmNT(a, b, cp, m, n, k)                         C = A · Bᵀ, both read in place
 *
 * A is packed in panels of MR = 8 rows (panel i holds, for p = 0..k-1, the MR
 * values A[i·MR + r][p] side by side). B is read NR = 4 columns at a time
 * (B[p][j·NR + c] side by side), either from packed panels or straight from
 * row-major B (see gemmBody). mp and np are the padded sizes (multiples of MR
 * and NR), C has rows ldc bytes apart, and all addresses are byte offsets into
 * the exported memory.
 *
 * Each MR x NR tile of C is held in 16 v128 registers (two f64 lanes each) and
 * accumulated over p = 0, 1, ..., k-1 in order, with a separate multiply and add
 * (WebAssembly has no fused multiply-add in its base SIMD set). So every entry is
 * summed exactly as the naive triple loop sums it: the results are bit-for-bit
 * those of matmulNaive.
 */

export const WASM_MR = 8;
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

const add = (local: number, amount: number[]): number[] => [...get(local), ...amount, ...i32add, ...set(local)];

/**
 * kernel(ap, bp, cp, k, ldc, bStep): one MR x NR tile,
 * C[cp + r·ldc + 8c] = Σ_p A[ap + p·8·MR + 8r] · B[bp + p·bStep + 8c].
 */
function kernelBody(): number[] {
  const AP = 0, BP = 1, CP = 2, K = 3, LDC = 4, B_STEP = 5, END = 6;
  const lanes = WASM_NR / 2;
  const acc = (r: number, h: number): number => 7 + r * lanes + h;
  const bReg = (h: number): number => 7 + WASM_MR * lanes + h;
  const aReg = 7 + WASM_MR * lanes + lanes;
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
    for (let h = 0; h < lanes; h++) code.push(...get(CP), ...get(acc(r, h)), ...v128store(16 * h));
    code.push(...add(CP, get(LDC)));
  }
  code.push(...end);
  const locals = vec([[...uleb(1), I32], [...uleb(WASM_MR * lanes + lanes + 1), V128]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

/**
 * gemm(ap, bp, cp, mp, np, k, bStep, bPanel, ldc): for each NR-column panel of
 * B and each MR-row panel of A, one kernel call. Row p of B's panel j starts at
 * bp + j·bPanel + p·bStep: packed panels have bStep = 8·NR and bPanel = 8·NR·k;
 * B left row-major (k x n) has bStep = 8·n and bPanel = 8·NR.
 *
 * C rows are ldc bytes apart, and ldc may be 8·n with n not a multiple of NR:
 * the last panel's tiles then spill their extra columns onto the start of the
 * next row. Panels run from the last to the first, so every spill is
 * overwritten by the tile that owns those entries, and C comes out as a plain
 * row-major m x n block (one copy out). The caller leaves room for the spill
 * of the last row and for the padded rows.
 */
function gemmBody(): number[] {
  const AP = 0, BP = 1, CP = 2, MP = 3, NP = 4, K = 5, B_STEP = 6, PANEL_B = 7, LDC = 8;
  const A = 9, B = 10, C = 11, I = 12, J = 13, PANEL_A = 14, C_STEP = 15;
  const code: number[] = [];
  code.push(...get(K), ...i32const(8 * WASM_MR), ...i32mul, ...set(PANEL_A));
  code.push(...get(LDC), ...i32const(WASM_MR), ...i32mul, ...set(C_STEP));
  // J = np - NR, B = bp + (np / NR - 1) · bPanel: start at the last panel.
  code.push(...get(NP), ...i32const(-WASM_NR), ...i32add, ...set(J));
  code.push(...get(BP), ...get(J), ...i32const(WASM_NR), ...i32divu, ...get(PANEL_B), ...i32mul, ...i32add, ...set(B));
  code.push(...block, ...loop);
  //   inner: A from the first panel, C from column J of row 0
  code.push(...get(AP), ...set(A), ...get(CP), ...get(J), ...i32const(8), ...i32mul, ...i32add, ...set(C));
  code.push(...i32const(0), ...set(I));
  code.push(...block, ...loop);
  code.push(...get(I), ...get(MP), ...i32geu, ...brIf(1));
  code.push(...get(A), ...get(B), ...get(C), ...get(K), ...get(LDC), ...get(B_STEP), ...call(0));
  code.push(...add(A, get(PANEL_A)), ...add(C, get(C_STEP)), ...add(I, i32const(WASM_MR)));
  code.push(...br(0), ...end, ...end);
  code.push(...get(J), ...i32eqz, ...brIf(1));
  code.push(...get(B), ...get(PANEL_B), ...i32sub, ...set(B), ...add(J, i32const(-WASM_NR)));
  code.push(...br(0), ...end, ...end);
  code.push(...end);
  const locals = vec([[...uleb(7), I32]]);
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
function gemmNTBody(): number[] {
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
  code.push(...get(C), ...get(K), ...get(LDC), ...call(2));
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

/** The module's bytes: kernel and kernelNT (internal), gemm, gemmNT and the memory (exported). */
export function gemmModuleBytes(): Uint8Array {
  const kernelType = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([])];
  const gemmType = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([])];
  const kernelNTType = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([])];
  const gemmNTType = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([])];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([kernelType, gemmType, kernelNTType, gemmNTType])),
    // functions: 0 kernel, 1 gemm, 2 kernelNT, 3 gemmNT
    ...section(3, vec([uleb(0), uleb(1), uleb(2), uleb(3)])),
    ...section(5, vec([[0x00, ...uleb(1)]])), // memory: 1 page (64 KiB) to start, grown on demand
    ...section(
      7,
      vec([
        [...name('gemm'), 0x00, ...uleb(1)],
        [...name('gemmNT'), 0x00, ...uleb(3)],
        [...name('memory'), 0x02, ...uleb(0)],
      ]),
    ),
    ...section(10, vec([kernelBody(), gemmBody(), kernelNTBody(), gemmNTBody()])),
  ]);
}
