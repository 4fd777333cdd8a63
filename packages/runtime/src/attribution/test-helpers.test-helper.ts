/** Shared helpers of the attribution tests: reference arrays and differences. */
import { readCorpus } from '../../../../test/corpus.js';
import { readNpy, type NpyArray } from '../npy.js';

/** A Tiny VGG reference array. */
export function ref(testCase: string, name: string): NpyArray {
  return readNpy(
    readCorpus(`explain/reference/tinyvgg/${testCase === '..' ? '' : `${testCase}/`}${name}.npy`),
  );
}

/** Largest absolute difference (lengths must agree). */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Largest |x|. */
export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** How many elements differ by more than `tol`. */
export function outliers(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > tol) n++;
  return n;
}

/** The two shared cases. */
export const CASES = ['espresso_1', 'koala_1'] as const;
