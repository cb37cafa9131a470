import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WasmMemory, WasmModule } from './wasm-api.js';

/**
 * Worker threads for the WebAssembly kernel: large products are cut into
 * chunks of rows, and the calling thread and the workers claim chunks one at a
 * time from a job posted in the kernel's shared memory, so a busy or slow
 * worker only means the caller does more of the chunks itself. Every entry of
 * the product is still computed by one thread in the same order, so the
 * results are the same bits with any number of threads.
 *
 * The first CONTROL_BYTES of the memory hold the control block (Int32 slots):
 */
const SEQ = 0; //        job number, bumped for every job; the workers sleep on it
const TICKET = 1; //     (job number << 6) | the next unclaimed chunk
const DONE = 2; //       chunks finished in this job
const READY = 3; //      workers that have started
const FAILED = 4; //     1 when a chunk threw in a worker
const FN = 5; //         which exported function runs the chunks
const COUNT = 6; //      chunks in this job (at most MAX_CHUNKS)
const ROWS = 7; //       the row argument of every chunk but the last
const LAST_ROWS = 8; //  the row argument of the last chunk
const STEP_A = 9; //     per-chunk advance of argument 0 (A), bytes
const STEP_C = 10; //    per-chunk advance of argument 2 (C), bytes
const STEP_BIAS = 11; // per-chunk advance of argument 9 (the bias), bytes
const ARGS = 16; //      the function's arguments for chunk 0 (up to 11)

/** Bytes at the start of the kernel's memory reserved for the control block. */
export const CONTROL_BYTES = 256;
/** Chunks per job at most: the chunk index has 6 bits of the ticket, and must stay below 63. */
export const MAX_CHUNKS = 32;
/** A ticket whose chunk field is past any job's count: posted while a job's arguments are written. */
const CLOSED = 63;

/** A chunk of work: one call of an exported function of the module. */
export type KernelFunction = (...args: number[]) => void;

/**
 * Claims the posted job's chunks one at a time and runs them, until none is
 * left. Runs on the calling thread and in every worker (its source is sent to
 * them), so it refers to nothing outside itself: the slot numbers are repeated
 * here as literals.
 */
export function runChunks(ctl: Int32Array, fns: readonly KernelFunction[]): void {
  const TICKET = 1, DONE = 2, FAILED = 4, FN = 5, COUNT = 6, ROWS = 7, LAST_ROWS = 8;
  const STEP_A = 9, STEP_C = 10, STEP_BIAS = 11, ARGS = 16;
  for (;;) {
    const ticket = Atomics.load(ctl, TICKET);
    const chunk = ticket & 63;
    const count = Atomics.load(ctl, COUNT);
    if (chunk >= count) return;
    // The ticket only moves on once the job's arguments are written, and a new
    // job is posted only when every chunk of this one is done; so a claim that
    // succeeds reads this job's arguments.
    if (Atomics.compareExchange(ctl, TICKET, ticket, ticket + 1) !== ticket) continue;
    try {
      fns[ctl[FN]!]!(
        ctl[ARGS]! + chunk * ctl[STEP_A]!,
        ctl[ARGS + 1]!,
        ctl[ARGS + 2]! + chunk * ctl[STEP_C]!,
        chunk === count - 1 ? ctl[LAST_ROWS]! : ctl[ROWS]!,
        ctl[ARGS + 4]!,
        ctl[ARGS + 5]!,
        ctl[ARGS + 6]!,
        ctl[ARGS + 7]!,
        ctl[ARGS + 8]!,
        ctl[ARGS + 9]! + chunk * ctl[STEP_BIAS]!,
        ctl[ARGS + 10]!,
      );
    } catch {
      Atomics.store(ctl, FAILED, 1);
    }
    if (Atomics.add(ctl, DONE, 1) + 1 === count) Atomics.notify(ctl, DONE);
  }
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { memory, module, names } = workerData;
const instance = new WebAssembly.Instance(module, { env: { memory } });
const fns = names.map((name) => instance.exports[name]);
const ctl = new Int32Array(memory.buffer, 0, ${CONTROL_BYTES / 4});
const runChunks = ${runChunks.toString()};
Atomics.add(ctl, ${READY}, 1);
for (;;) {
  const seen = Atomics.load(ctl, ${SEQ});
  runChunks(ctl, fns);
  Atomics.wait(ctl, ${SEQ}, seen);
}
`;

/** One job: `fn` over `count` chunks of rows (see runChunks for what moves per chunk). */
export interface Job {
  fn: number;
  /** The arguments of chunk 0; argument 3 is replaced by rows / lastRows. */
  args: readonly number[];
  count: number;
  rows: number;
  lastRows: number;
  stepA: number;
  stepC: number;
  stepBias: number;
}

/** The threads that share one kernel memory, and the control block they share. */
export class KernelThreads {
  private readonly ctl: Int32Array;
  private workers: Worker[] = [];
  private seq = 0;
  private wanted: number;
  /**
   * Whether the calling thread takes chunks itself. Only tests turn it off, to
   * prove the workers compute every chunk right; with no worker up it is ignored.
   */
  callerTakesChunks = true;

  constructor(
    private readonly memory: WasmMemory,
    private readonly module: WasmModule,
    private readonly names: readonly string[],
    private readonly fns: readonly KernelFunction[],
  ) {
    this.ctl = new Int32Array(memory.buffer, 0, CONTROL_BYTES / 4);
    this.wanted = defaultThreads();
  }

  /** How many threads a product may use, the calling one included. */
  get threads(): number {
    return this.wanted;
  }

  set threads(count: number) {
    this.wanted = count;
  }

  /**
   * Threads ready to take chunks now, the calling one included. Starts the
   * workers on first use; until they are up (some milliseconds), products run
   * on the calling thread alone.
   */
  ready(): number {
    if (this.wanted <= 1) return 1;
    if (this.workers.length < this.wanted - 1) this.spawn(this.wanted - 1 - this.workers.length);
    return 1 + Math.min(Atomics.load(this.ctl, READY), this.wanted - 1);
  }

  private spawn(count: number): void {
    for (let i = 0; i < count; i++) {
      try {
        const worker = new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { memory: this.memory, module: this.module, names: this.names },
        });
        worker.unref(); // an idle kernel thread never keeps the process alive
        this.workers.push(worker);
      } catch {
        this.wanted = 1 + this.workers.length; // this engine cannot start (more) workers
        return;
      }
    }
  }

  /** Runs the job on this thread and whichever workers are free; returns when every chunk is done. */
  run(job: Job): void {
    const ctl = this.ctl;
    this.seq = (this.seq + 1) & 0x1ffffff;
    Atomics.store(ctl, TICKET, (this.seq << 6) | CLOSED);
    ctl[FN] = job.fn;
    ctl[ROWS] = job.rows;
    ctl[LAST_ROWS] = job.lastRows;
    ctl[STEP_A] = job.stepA;
    ctl[STEP_C] = job.stepC;
    ctl[STEP_BIAS] = job.stepBias;
    for (let i = 0; i < job.args.length; i++) ctl[ARGS + i] = job.args[i]!;
    Atomics.store(ctl, COUNT, job.count);
    Atomics.store(ctl, DONE, 0);
    Atomics.store(ctl, FAILED, 0);
    Atomics.store(ctl, TICKET, this.seq << 6);
    Atomics.store(ctl, SEQ, this.seq);
    Atomics.notify(ctl, SEQ);
    if (this.callerTakesChunks || Atomics.load(ctl, READY) === 0) runChunks(ctl, this.fns);
    for (let spins = 0; ; spins++) {
      const done = Atomics.load(ctl, DONE);
      if (done >= job.count) break;
      if (spins > 1000) Atomics.wait(ctl, DONE, done, 50);
    }
    if (Atomics.load(ctl, FAILED) !== 0) throw new Error('matmul: the WebAssembly kernel failed in a worker thread');
  }
}

/** The default thread count: LOCKSTEP_THREADS when set, else the cores there are, at most 4. */
function defaultThreads(): number {
  const fromEnv = Number(process.env['LOCKSTEP_THREADS']);
  if (Number.isInteger(fromEnv) && fromEnv >= 1) return fromEnv;
  return Math.max(1, Math.min(4, availableParallelism()));
}
