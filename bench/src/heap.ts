import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The collector: global.gc under `node --expose-gc`; otherwise the flag is set
 * at run time and a fresh context hands out gc (a V8 idiom that works on Node 20).
 */
export function collector(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface HeapGrowth {
  /** heapUsed after a full collection, after the run minus before it: what the run kept. */
  retainedBytes: number;
  /** heapUsed just after the run minus before it, with no collection in between: everything it allocated. */
  allocatedBytes: number;
  /** Garbage collections V8 ran during the run; when nonzero, allocatedBytes undercounts. */
  collectionsDuringRun: number;
}

/**
 * Measures what `run` allocates and keeps. Two full collections first (the
 * second catches what the first finalized), then the run, then heapUsed read
 * before and after another full collection.
 */
export async function heapGrowth(run: () => unknown): Promise<HeapGrowth> {
  const gc = collector();
  let collections = 0;
  const observer = new PerformanceObserver((list) => {
    collections += list.getEntries().length;
  });
  gc();
  gc();
  await flushObserverQueue();
  observer.observe({ entryTypes: ['gc'] });
  const before = process.memoryUsage().heapUsed;
  // Held in an object written after the collection, so the result is surely alive during it.
  const holder: { result: unknown } = { result: run() };
  const afterRun = process.memoryUsage().heapUsed;
  await flushObserverQueue();
  observer.disconnect();
  gc();
  gc();
  const afterCollection = process.memoryUsage().heapUsed;
  holder.result = undefined; // the run's result stayed alive until here, so retainedBytes includes it
  return {
    retainedBytes: afterCollection - before,
    allocatedBytes: afterRun - before,
    collectionsDuringRun: collections,
  };
}

/** gc performance entries are delivered asynchronously; let them arrive. */
function flushObserverQueue(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
