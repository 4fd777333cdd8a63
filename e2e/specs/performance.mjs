// Timings: open→ready for densenet121 and the 24-layer transformer, and frame times on a 20k-node graph.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SHOTS, afterRedraw, modelQuery, openPage, shot, waitReady } from '../helpers.mjs';

const results = {};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function openToReady(ctx, key, runs = 4) {
  const times = [];
  let page;
  for (let r = 0; r < runs; r++) {
    page = await openPage(ctx, modelQuery(ctx, key));
    const s = await waitReady(page);
    assert.equal(s.state, 'ready');
    // Navigation start to ready (the first run also pays for a cold HTTP cache, like a first visit).
    times.push(s.timings.readyAt);
    results[`${key}.pageTimings`] = s.timings;
    await page.close();
  }
  return { median: Math.round(median(times.slice(1))), runs: times.map(Math.round) };
}

export function performanceSpecs(ctx) {
  describe('performance', () => {
    it('densenet121 and the 24-layer transformer open quickly', async () => {
      const dn = await openToReady(ctx, 'densenet');
      const tr = await openToReady(ctx, 'transformer');
      results.densenet121 = dn;
      results.transformer24 = tr;
      console.log(
        `open→ready: densenet121 ${dn.median} ms (target 500), transformer-24l ${tr.median} ms (target 800)`,
      );
      // Generous bounds: the machine is shared; the targets are reported, not enforced, here.
      assert.ok(dn.median < 3000, `densenet121 ${dn.median} ms`);
      assert.ok(tr.median < 3000, `transformer ${tr.median} ms`);
    });

    it('a 20,000-node graph, fully expanded, pans and zooms with short frames', async () => {
      const page = await openPage(ctx, '/?synthetic=20000');
      const first = await waitReady(page, 90_000);
      assert.equal(first.state, 'ready');
      const all = await afterRedraw(page, () => page.getByTestId('expand-all').click());
      assert.ok(all.nodes > 15000, `drawn ${all.nodes}`);
      results.synthetic20k = {
        openMs: Math.round(first.timings.total),
        relayoutAllMs: Math.round(all.timings.relayout),
        nodes: all.nodes,
      };
      await page.evaluate(() => window.__nnlensView.fit());
      const canvas = await page.getByTestId('graph-canvas').boundingBox();
      const cx = canvas.x + canvas.width / 2;
      const cy = canvas.y + canvas.height / 2;
      const drawn = await page.evaluate(() => window.__nnlensFrames.length);
      // Real input: wheel-zoom into the middle from the whole-graph view, drag around, zoom back out.
      await page.mouse.move(cx, cy);
      for (let i = 0; i < 30; i++) {
        await page.mouse.wheel(0, -120);
        await page.waitForTimeout(16);
      }
      await page.mouse.down();
      for (let i = 0; i < 30; i++) await page.mouse.move(cx + 8 * i, cy + 20 * i, { steps: 2 });
      await page.mouse.up();
      for (let i = 0; i < 30; i++) {
        await page.mouse.wheel(0, 160);
        await page.waitForTimeout(16);
      }
      const frames = await page.evaluate((from) => window.__nnlensFrames.slice(from), drawn);
      // Frame-to-frame intervals while the view moves every frame (includes rasterisation, not just our code).
      const intervals = await page.evaluate(async () => {
        const v = window.__nnlensView;
        const start = v.viewport();
        const out = [];
        let last = performance.now();
        for (let i = 0; i < 90; i++) {
          const k = start.k * Math.pow(1.06, i < 45 ? i : 90 - i);
          v.setViewport({ k, x: start.x - i * 6, y: start.y - i * 20 });
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          out.push(now - last);
          last = now;
        }
        return out.slice(1);
      });
      await shot(page, 'synthetic-20k');
      const r1 = (x) => Math.round(x * 10) / 10;
      results.synthetic20k.drawMs = {
        frames: frames.length,
        p50: r1(pct(frames, 0.5)),
        p95: r1(pct(frames, 0.95)),
        max: r1(Math.max(...frames)),
      };
      results.synthetic20k.frameIntervalMs = { p50: r1(pct(intervals, 0.5)), p95: r1(pct(intervals, 0.95)) };
      console.log(
        `20k nodes: draw p50 ${results.synthetic20k.drawMs.p50} ms, p95 ${results.synthetic20k.drawMs.p95} ms over ${frames.length} frames; frame interval p50 ${results.synthetic20k.frameIntervalMs.p50} ms, p95 ${results.synthetic20k.frameIntervalMs.p95} ms`,
      );
      assert.ok(
        frames.length > 20,
        `only ${frames.length} frames drawn for 90 input events (rAF batching should still draw)`,
      );
      // Regression guards only (the unculled renderer took ~600 ms a frame); targets are measured by the
      // benchmark, and CI machines are shared, so the bounds are loose.
      assert.ok(pct(frames, 0.95) < 150, `p95 draw ${pct(frames, 0.95)} ms`);
      assert.ok(pct(intervals, 0.5) < 150, `median frame interval ${pct(intervals, 0.5)} ms`);
      writeFileSync(join(SHOTS, 'timings.json'), JSON.stringify(results, null, 2));
      await page.close();
    });
  });
}
