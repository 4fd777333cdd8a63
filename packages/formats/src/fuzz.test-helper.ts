// Test helper for the importer fuzz tests: seeded mutations and an opener that allows a Model or a ModelFormatError only.
import { analyze } from '@nnlens/analysis';
import { countNodes, validate, type Model } from '@nnlens/ir';
import { expect } from 'vitest';
import { ModelFormatError, externalDataFiles, openModel, openModelAsync, type ModelSource } from './index.js';

/** mulberry32: a tiny seeded PRNG so failures reproduce. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tally of one fuzz run. */
export interface Outcome {
  models: number;
  errors: number;
  slowest: number;
}

/** A fresh tally. */
export function outcome(): Outcome {
  return { models: 0, errors: 0, slowest: 0 };
}

/**
 * Opens the source; anything but a Model or a ModelFormatError with the format's prefix fails the test,
 * as does a case slower than `limitMs`. Models are walked, validated and analysed like a viewer would.
 */
export async function attempt(
  source: ModelSource,
  label: string,
  prefix: RegExp,
  out: Outcome,
  limitMs = 1000,
): Promise<void> {
  const t0 = performance.now();
  try {
    const model: Model = await openModelAsync(source);
    countNodes(model.graph, true);
    validate(model);
    externalDataFiles(model);
    analyze(model);
    out.models++;
  } catch (e) {
    if (!(e instanceof ModelFormatError)) throw new Error(`${label}: escaped ${String(e)}`, { cause: e });
    expect(e.message, label).toMatch(prefix);
    out.errors++;
  }
  const ms = performance.now() - t0;
  out.slowest = Math.max(out.slowest, ms);
  if (ms > limitMs) throw new Error(`${label}: took ${ms.toFixed(0)} ms`);
}

/**
 * Synchronous variant for formats that need no async reader: returns the Model, or null for a
 * ModelFormatError (whose message must match `prefix` when given); anything else fails the test.
 */
export function attemptSync(
  name: string,
  bytes: Uint8Array,
  label: string,
  out: Outcome,
  prefix?: RegExp,
  limitMs = 1000,
): Model | null {
  const t0 = performance.now();
  let model: Model | null = null;
  try {
    model = openModel({ name, bytes });
    countNodes(model.graph, true);
    validate(model);
    externalDataFiles(model);
    analyze(model);
    out.models++;
  } catch (e) {
    if (!(e instanceof ModelFormatError)) throw new Error(`${label}: escaped ${String(e)}`, { cause: e });
    if (prefix) expect(e.message, label).toMatch(prefix);
    out.errors++;
  }
  const ms = performance.now() - t0;
  out.slowest = Math.max(out.slowest, ms);
  if (ms > limitMs) throw new Error(`${label}: took ${ms.toFixed(0)} ms`);
  return model;
}

/** Every offset of the first `dense` bytes, then `extra` random ones. */
export function truncations(size: number, dense: number, extra: number, random: () => number): number[] {
  const offsets = new Set<number>();
  for (let i = 0; i < Math.min(size, dense); i++) offsets.add(i);
  while (offsets.size < Math.min(size, dense + extra)) offsets.add(Math.floor(random() * size));
  return [...offsets];
}

/** A copy with 1–8 random bit flips. */
export function flipBits(bytes: Uint8Array, random: () => number): Uint8Array {
  const copy = bytes.slice();
  const flips = 1 + Math.floor(random() * 8);
  for (let f = 0; f < flips; f++) copy[Math.floor(random() * copy.length)]! ^= 1 << Math.floor(random() * 8);
  return copy;
}

/** The first `keep` bytes followed by random bytes up to `size`. */
export function randomTail(bytes: Uint8Array, keep: number, size: number, random: () => number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(bytes.subarray(0, keep));
  for (let i = keep; i < size; i++) out[i] = Math.floor(random() * 256);
  return out;
}

/** A JSON value with one random node replaced by a value of another type (null, negative, huge, text, list, object). */
export function mutateJson(value: unknown, random: () => number): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        nodes.push({ parent: v, key: i });
        walk(x);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: k });
        walk(x);
      }
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  const pick = nodes[Math.floor(random() * nodes.length)];
  if (!pick) return copy;
  const choices: unknown[] = [null, -1, 0, 2 ** 31, 1e300, 'x', [], {}, [[]], true, -7.5];
  (pick.parent as Record<string | number, unknown>)[pick.key] =
    choices[Math.floor(random() * choices.length)];
  return copy;
}
