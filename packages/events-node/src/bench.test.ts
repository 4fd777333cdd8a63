/** benchIngest on small generated log dirs: nothing lost, numbers present and sane. */
import { afterAll, describe, expect, it } from 'vitest';
import { benchIngest, generateScalarLogdir } from './bench.js';
import { tempDir } from './test-util.testkit.js';

const tmp = tempDir('bench');
afterAll(tmp.cleanup);

describe('benchIngest', () => {
  it('generates a scalar-dense log dir when given an empty one and reads every point back', async () => {
    const gen = generateScalarLogdir(`${tmp.dir}/a`, { targetBytes: 4e6, runs: 2 });
    expect(gen.bytes).toBeGreaterThanOrEqual(4e6);
    const r = await benchIngest(`${tmp.dir}/a`);
    expect(r.generatedSeconds).toBeNull(); // logs were there: nothing generated
    expect(r.bytes).toBe(gen.bytes);
    expect(r.files).toBe(2);
    expect(r.scalarPoints).toBe(gen.points);
    expect(r.rawPayloadBytes).toBe(gen.points * 20);
    expect(r.mbPerSec).toBeGreaterThan(0);
    expect(r.mbPerCpuSec).toBeGreaterThan(0);
    // Chunk doubling bounds the store at 2× the payload for small series (1.03× measured at 1 GiB).
    expect(r.storeOverPayload).toBeLessThanOrEqual(2);
    console.log(
      `bench (4 MB): ${r.mbPerSec.toFixed(0)} MB/s wall, ${r.mbPerCpuSec.toFixed(0)} MB/CPU-s, store ${r.storeOverPayload.toFixed(2)}× payload`,
    );
  });

  it('generates into a directory that does not exist yet', async () => {
    const r = await benchIngest(`${tmp.dir}/b`, { targetBytes: 1e6, runs: 1, tags: ['loss'] });
    expect(r.generatedSeconds).not.toBeNull();
    expect(r.bytes).toBeGreaterThanOrEqual(1e6);
    expect(r.scalarPoints).toBeGreaterThan(20_000);
  });
});
