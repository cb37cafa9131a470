/**
 * The largest relative difference between two loss curves over the epochs both
 * ran: max_e |got[e] - want[e]| / |want[e]|. NaN anywhere makes it Infinity, so
 * a diverged peer never looks like it agrees.
 */
export function maxRelativeDifference(got: readonly number[], want: readonly number[]): number {
  const n = Math.min(got.length, want.length);
  if (n === 0) throw new RangeError('maxRelativeDifference: no epochs to compare');
  let worst = 0;
  for (let e = 0; e < n; e++) {
    const g = got[e]!;
    const w = want[e]!;
    if (!Number.isFinite(g) || !Number.isFinite(w)) return Infinity;
    const d = g === w ? 0 : Math.abs(g - w) / Math.abs(w);
    if (d > worst) worst = d;
  }
  return worst;
}

/**
 * How far a matrix product is from the reference, relative to the reference's
 * largest entry: max_ij |got - want| / max_ij |want|. (Entry-wise relative
 * error is meaningless for entries that cancel to near zero.) NaN makes it Infinity.
 */
export function maxNormwiseDifference(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) {
    throw new RangeError(`maxNormwiseDifference: ${got.length} values against ${want.length}`);
  }
  let scale = 0;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    scale = Math.max(scale, Math.abs(want[i]!));
    const d = Math.abs(got[i]! - want[i]!);
    if (Number.isNaN(d)) return Infinity; // a broken product never looks like it agrees
    if (d > worst) worst = d;
  }
  return scale === 0 ? worst : worst / scale;
}
