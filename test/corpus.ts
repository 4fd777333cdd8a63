/** Test helper: locates ../shared/corpus and skips (or, in CI, fails) corpus tests clearly when it is missing. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe } from 'vitest';

/** Absolute path of the shared corpus (override with NNLENS_CORPUS). */
export const CORPUS = resolve(process.env.NNLENS_CORPUS ?? join(import.meta.dirname, '../../shared/corpus'));

/** True when the corpus folder is present. */
export const corpusAvailable = existsSync(join(CORPUS, 'MANIFEST.json'));

if (!corpusAvailable) {
  const msg = `shared corpus not found at ${CORPUS}: corpus tests are skipped (set NNLENS_CORPUS or put ../shared beside the repo)`;
  if (process.env.NNLENS_REQUIRE_CORPUS === '1') throw new Error(msg);
  console.warn(`\n*** ${msg} ***\n`);
}

/** `describe` that runs only when the corpus is present. */
export const describeCorpus = corpusAvailable ? describe : describe.skip;

/** Absolute path of a corpus file. */
export function corpusPath(rel: string): string {
  return join(CORPUS, rel);
}

/** A corpus file's bytes as a Uint8Array. */
export function readCorpus(rel: string): Uint8Array {
  const b = readFileSync(corpusPath(rel));
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

/** A corpus JSON file, parsed. */
export function readCorpusJson<T = unknown>(rel: string): T {
  return JSON.parse(readFileSync(corpusPath(rel), 'utf8')) as T;
}
