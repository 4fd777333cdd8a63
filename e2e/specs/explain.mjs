// The Explain page: Tiny VGG (network overview, Grad-CAM equal to the pytorch-grad-cam reference, conv detail
// animating), the digits LeNet-5 (samples, drawing pad), a served ResNet-18 with external data, bad inputs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { assertNoErrors, openPage, SHOTS, waitReady } from '../helpers.mjs';

/** A float32 .npy file's values (C order). */
function npy(path) {
  const b = readFileSync(path);
  const header = b.readUInt16LE(8);
  const d = b.subarray(10 + header);
  return new Float32Array(d.buffer.slice(d.byteOffset, d.byteOffset + d.byteLength));
}

const explainState = (page, fn) => page.evaluate(fn);

/** Scrolls the main column so `selector` is at the top, then saves artifacts/e2e/<name>.png. */
async function shotAt(page, selector, name) {
  await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'start' }), selector);
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Waits for readiness after an action that recomputes (new input, class, model). */
async function afterRun(page, action) {
  await page.evaluate(() => (document.documentElement.dataset.nnlensState = 'pending'));
  await action();
  return waitReady(page, 60_000);
}

export function explainSpecs(ctx) {
  describe('explain page', () => {
    let page;
    before(async () => {
      page = await openPage(ctx, '/explain?demo=tinyvgg&sample=espresso_1');
    });
    after(() => page?.close());

    it('Tiny VGG: every layer drawn, espresso predicted, Grad-CAM equal to the reference map', async () => {
      assert.equal((await waitReady(page, 60_000)).state, 'ready');
      assert.equal(await page.getByTestId('top-class').textContent(), 'espresso');
      const columns = await page
        .locator('[data-testid="explain-overview"] .ex-col')
        .evaluateAll((els) => els.map((e) => e.dataset.layer));
      assert.deepEqual(columns, [
        'input',
        'conv_1_1',
        'relu_1_1',
        'conv_1_2',
        'relu_1_2',
        'max_pool_1',
        'conv_2_1',
        'relu_2_1',
        'conv_2_2',
        'relu_2_2',
        'max_pool_2',
        'output',
      ]);
      assert.equal(await page.locator('[data-layer="conv_1_1"] canvas').count(), 10);
      const s = await explainState(page, () => {
        const st = window.__nnlensExplain.state();
        return {
          heat: Array.from(st.methods.gradcam.result.heatmap),
          layer: st.camLayer,
          statuses: Object.values(st.methods).map((m) => m.status),
        };
      });
      assert.equal(s.layer, '/relu_2_2/Relu_output_0');
      assert.deepEqual(
        s.statuses,
        ['done', 'done', 'done', 'done', 'done', 'done'],
        'a small model gets every method at once',
      );
      const ref = npy(join(ctx.corpus, 'explain/reference/tinyvgg/espresso_1/gradcam.npy'));
      let diff = 0;
      for (let i = 0; i < ref.length; i++) diff = Math.max(diff, Math.abs(ref[i] - s.heat[i]));
      assert.ok(diff < 1e-4, `Grad-CAM differs from pytorch-grad-cam by ${diff}`);
      await page.screenshot({ path: join(SHOTS, 'explain-tinyvgg.png') });
      await shotAt(page, '[aria-label="Attribution"]', 'explain-tinyvgg-attribution');
      assertNoErrors(page);
    });

    it('the colour-range modes redraw the overview', async () => {
      for (const mode of ['Unit', 'Global', 'Layer']) {
        await page.getByRole('radio', { name: mode }).click();
        assert.equal(await page.getByRole('radio', { name: mode }).getAttribute('aria-checked'), 'true');
      }
      assert.ok((await page.locator('.ex-legend').count()) === 0, 'the legend shows only for Global');
    });

    it('conv detail: kernels with real numbers, the window animating, the sum equal to the output', async () => {
      await page.locator('[data-layer="conv_1_2"] canvas').nth(5).click();
      await page.getByTestId('conv-stepwise').waitFor();
      const step = () => page.getByTestId('step-label').getAttribute('data-step');
      const first = Number(await step());
      await page.waitForTimeout(1200);
      const later = Number(await step());
      assert.ok(later > first, `the kernel moves while playing (${first} → ${later})`);
      const formula = await page.getByTestId('conv-formula').textContent();
      const [, total, output] = /= (-?[\d.e-]+) \(output (-?[\d.e-]+)\)/.exec(formula);
      assert.ok(Math.abs(Number(total) - Number(output)) < 1e-3, formula);
      await page.getByTestId('play-toggle').click();
      const paused = await step();
      await page.waitForTimeout(600);
      assert.equal(await step(), paused, 'pause stops the animation');
      await page.getByTestId('play-toggle').click();
      await page.waitForTimeout(400);
      await shotAt(page, '[data-testid="explain-detail"]', 'explain-conv-detail');
      await page.getByRole('tab', { name: 'Filters' }).click();
      assert.equal(await page.locator('[data-testid="filters"] .ex-filter-row').count(), 10);
      await page.getByRole('button', { name: 'Close details' }).click();
    });

    it('ReLU, max-pool and softmax details show the real values', async () => {
      await page.locator('[data-layer="relu_2_2"] canvas').nth(3).click();
      await page.getByTestId('activation-detail').waitFor();
      assert.match(await page.getByTestId('activation-detail').textContent(), /max\(0, -?[\d.]+\) = [\d.]+/);
      await page.locator('[data-layer="max_pool_2"] canvas').nth(3).click();
      assert.match(await page.getByTestId('pool-detail').textContent(), /max\([-\d., ]+\) = [\d.]+/);
      await page.locator('[data-layer="output"] button').nth(6).click();
      const softmax = await page.getByTestId('softmax-formula').textContent();
      assert.match(softmax, /p\(espresso\) = exp\(z6\)/);
      assert.match(softmax, /= 87\.98%/);
      await shotAt(page, '[data-testid="explain-detail"]', 'explain-softmax-detail');
      await page.getByRole('button', { name: 'Close details' }).click();
    });

    it('another class and another CAM layer recompute the map', async () => {
      await afterRun(page, () => page.getByLabel('Class to explain').selectOption('8'));
      const t = await explainState(page, () => window.__nnlensExplain.state().methods.gradcam.result.target);
      assert.equal(t, 8);
      await afterRun(page, () => page.getByLabel('CAM layer').selectOption({ label: 'relu_1_2 [10×60×60]' }));
      const layer = await explainState(
        page,
        () => window.__nnlensExplain.state().methods.gradcam.result.layer,
      );
      assert.equal(layer, '/relu_1_2/Relu_output_0');
      await afterRun(page, () => page.getByLabel('Class to explain').selectOption('-1'));
    });

    it('a non-image is refused with a message; the page keeps working', async () => {
      await page
        .getByTestId('explain-image-input')
        .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
      await page.getByTestId('image-error').waitFor();
      assert.match(await page.getByTestId('image-error').textContent(), /'notes\.png' is not an image/);
      assert.equal(await page.getByTestId('top-class').textContent(), 'espresso');
    });

    it('a huge image is shrunk while decoding and explained', async () => {
      const big = await sharp({
        create: { width: 6000, height: 4000, channels: 3, background: { r: 220, g: 40, b: 30 } },
      })
        .png()
        .toBuffer();
      const r = await afterRun(page, () =>
        page
          .getByTestId('explain-image-input')
          .setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: big }),
      );
      assert.equal(r.state, 'ready');
      const img = await explainState(page, () => window.__nnlensExplain.state().image);
      assert.equal(img.name, 'huge.png');
      assert.ok(img.rgba.width <= 1024 && img.rgba.height <= 1024);
      assertNoErrors(page);
    });
  });

  describe('explain page: digits, served models, errors', () => {
    it('digits LeNet-5: a test image is classified as its label, the drawing pad feeds the model', async () => {
      const page = await openPage(ctx, '/explain?demo=digits&sample=test003_label9_pred9');
      assert.equal((await waitReady(page, 60_000)).state, 'ready');
      assert.equal(await page.getByTestId('top-class').textContent(), '9');
      await page.screenshot({ path: join(SHOTS, 'explain-digits.png') });
      const pad = await page.getByTestId('draw-pad').boundingBox();
      const r = await afterRun(page, async () => {
        // A vertical stroke: a "1".
        await page.mouse.move(pad.x + pad.width * 0.5, pad.y + pad.height * 0.15);
        await page.mouse.down();
        for (let i = 1; i <= 12; i++)
          await page.mouse.move(pad.x + pad.width * 0.5, pad.y + pad.height * (0.15 + 0.06 * i));
        await page.mouse.up();
      });
      assert.equal(r.state, 'ready');
      assert.equal(await explainState(page, () => window.__nnlensExplain.state().image.name), 'drawing');
      assert.equal(await page.getByTestId('top-class').textContent(), '1');
      await page.screenshot({ path: join(SHOTS, 'explain-digits-drawn.png') });
      assertNoErrors(page);
      await page.close();
    });

    it('a served ResNet-18 with external data: weights fetched from beside it, Grad-CAM at layer4', async () => {
      const url = encodeURIComponent(`/api/models/${ctx.ids.resnetExternal}/file`);
      const page = await openPage(ctx, `/explain?url=${url}`);
      assert.equal((await waitReady(page, 90_000)).state, 'ready');
      const s = await explainState(page, () => {
        const st = window.__nnlensExplain.state();
        return {
          layer: st.camLayer,
          gradcam: st.methods.gradcam.status,
          n: st.run.layers.length,
          mean: st.preprocess.mean,
        };
      });
      assert.equal(s.layer, '/layer4/layer4.1/relu_1/Relu_output_0');
      assert.equal(s.gradcam, 'done');
      assert.deepEqual(s.mean, [0.485, 0.456, 0.406], 'ImageNet normalisation inferred');
      assert.ok(s.n > 40);
      await page.screenshot({ path: join(SHOTS, 'explain-resnet18.png') });
      assertNoErrors(page);
      await page.close();
    });

    it("CNN Explainer's own TF.js model opened with its weight shard: channels-last, the same Grad-CAM", async () => {
      const page = await openPage(ctx, '/explain?demo=digits');
      assert.equal((await waitReady(page, 60_000)).state, 'ready');
      const dir = join(ctx.corpus, 'explain/cnn-explainer-model');
      const r = await afterRun(page, () =>
        page
          .getByTestId('explain-model-input')
          .setInputFiles([join(dir, 'model.json'), join(dir, 'group1-shard1of1.bin')]),
      );
      assert.equal(r.state, 'ready');
      assert.equal(
        await page.getByTestId('top-class').textContent(),
        'espresso',
        'built-in labels recognised',
      );
      const s = await explainState(page, () => {
        const st = window.__nnlensExplain.state();
        return {
          format: st.summary.format,
          layout: st.preprocess.layout,
          heat: Array.from(st.methods.gradcam.result.heatmap),
          shape: st.run.layers.find((l) => l.label === 'relu_2_2').shape,
        };
      });
      assert.equal(s.format, 'tfjs');
      assert.equal(s.layout, 'nhwc');
      assert.deepEqual(s.shape, [1, 10, 26, 26], 'feature maps are shown channels first');
      const ref = npy(join(ctx.corpus, 'explain/reference/tinyvgg/espresso_1/gradcam.npy'));
      let diff = 0;
      for (let i = 0; i < ref.length; i++) diff = Math.max(diff, Math.abs(ref[i] - s.heat[i]));
      assert.ok(diff < 1e-4, `Grad-CAM differs from pytorch-grad-cam by ${diff}`);
      await page.screenshot({ path: join(SHOTS, 'explain-tfjs-tinyvgg.png') });
      assertNoErrors(page);
      await page.close();
    });

    it('a model with an unsupported op gets a message naming the op and node', async () => {
      const url = encodeURIComponent(`/api/models/${ctx.ids.controlFlow}/file`);
      const page = await openPage(ctx, `/explain?url=${url}`);
      assert.equal((await waitReady(page, 60_000)).state, 'error');
      const text = await page.getByTestId('explain-error').textContent();
      assert.match(text, /cannot run yet.*unsupported op 'Loop' at node '[^']+'/);
      await page.screenshot({ path: join(SHOTS, 'explain-unsupported-op.png') });
      await page.close();
    });
  });
}
