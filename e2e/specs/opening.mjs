// Ways in: the server's model list, the file input (with sidecars), drag and drop, corrupt files, external data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { afterRedraw, assertNoErrors, clickNode, openPage, shot, waitReady } from '../helpers.mjs';

async function firstNode(page, op) {
  return page.evaluate((o) => window.__nnlensView.drawnNodes().find((n) => n.op === o)?.index ?? null, op);
}

export function openingSpecs(ctx) {
  describe('opening files', () => {
    it('opens the first model the server lists, with its real file name', async () => {
      const page = await openPage(ctx, '/');
      const r = await waitReady(page);
      assert.equal(r.state, 'ready');
      assert.equal(await page.locator('.topbar-file').innerText(), 'densenet121.onnx');
      await page.close();
    });

    it('opens a model and its external data chosen together in the file input', async () => {
      const page = await openPage(ctx, '/');
      await waitReady(page);
      const dir = join(ctx.corpus, 'onnx');
      const r = await afterRedraw(page, () =>
        page
          .getByTestId('file-input')
          .setInputFiles([
            join(dir, 'resnet18_external_data.onnx.data'),
            join(dir, 'resnet18_external_data.onnx'),
          ]),
      );
      assert.equal(r.state, 'ready');
      assert.equal(await page.locator('.topbar-file').innerText(), 'resnet18_external_data.onnx');
      const conv = await firstNode(page, 'Conv');
      assert.notEqual(conv, null, 'a Conv node is drawn');
      await clickNode(page, conv);
      const card = page.getByTestId('weight-card').first();
      await card.locator('.stats-grid').waitFor();
      assert.match(await card.innerText(), /min[\s\S]*max[\s\S]*mean[\s\S]*std/);
      await shot(page, 'resnet18-weights');
      assertNoErrors(page);
      await page.close();
    });

    it('fetches external data from the server only when asked', async () => {
      const page = await openPage(
        ctx,
        `/?url=${encodeURIComponent(`/api/models/${ctx.ids.resnetExternal}/file`)}`,
      );
      await waitReady(page);
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      const conv = await firstNode(page, 'Conv');
      await clickNode(page, conv);
      const card = page.getByTestId('weight-card').first();
      await card.waitFor();
      assert.match(await card.innerText(), /external file/);
      assert.equal(requests.filter((u) => u.includes('/sidecar/')).length, 0);
      await card.getByRole('button', { name: /Load values from/ }).click();
      await card.locator('.stats-grid').waitFor();
      assert.equal(requests.filter((u) => u.includes('/sidecar/resnet18_external_data.onnx.data')).length, 1);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.getByRole('button', { name: 'Download .npy' }).click(),
      ]);
      const npy = readFileSync(await download.path());
      assert.equal(npy.subarray(1, 6).toString('latin1'), 'NUMPY');
      assert.match(npy.subarray(10, 10 + npy.readUInt16LE(8)).toString('latin1'), /'shape': \(64, 3, 7, 7\)/);
      await page.close();
    });

    it('opens a file dropped on the page', async () => {
      const page = await openPage(ctx, '/');
      await waitReady(page);
      const b64 = readFileSync(join(ctx.corpus, 'onnx/lenet5.onnx')).toString('base64');
      const r = await afterRedraw(page, () =>
        page.evaluate((data) => {
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          dt.items.add(new File([bytes], 'lenet5.onnx'));
          const app = document.querySelector('.app');
          app.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
          app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        }, b64),
      );
      assert.equal(r.state, 'ready');
      assert.equal(await page.locator('.topbar-file').innerText(), 'lenet5.onnx');
      await shot(page, 'lenet5-dropped');
      assertNoErrors(page);
      await page.close();
    });

    it('opens a Keras HDF5 model (its reader loads as wasm in the worker)', async () => {
      const page = await openPage(ctx, '/');
      await waitReady(page);
      const file = join(
        ctx.corpus,
        'third_party/keras_h5/oarriaga__face_classification/trained_models/emotion_models/fer2013_mini_XCEPTION.102-0.66.hdf5',
      );
      const r = await afterRedraw(page, () => page.getByTestId('file-input').setInputFiles(file));
      assert.equal(r.state, 'ready');
      assert.ok(r.nodes > 10, `drawn ${r.nodes}`);
      assert.match(await page.getByTestId('model-panel').innerText(), /KERAS/);
      await shot(page, 'keras-hdf5');
      assertNoErrors(page);
      await page.close();
    });

    it('shows a clear error card for a corrupt file', async () => {
      const page = await openPage(ctx, '/');
      await waitReady(page);
      const junk = Buffer.alloc(4096);
      for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) & 0xff;
      const r = await afterRedraw(page, () =>
        page
          .getByTestId('file-input')
          .setInputFiles({ name: 'corrupt.onnx', mimeType: 'application/octet-stream', buffer: junk }),
      );
      assert.equal(r.state, 'error');
      const card = page.getByTestId('error-card');
      await card.waitFor();
      const text = await card.innerText();
      assert.match(text, /corrupt\.onnx/);
      assert.match(text, /cannot be opened|failed/i);
      await shot(page, 'error-corrupt-file');
      // The app recovers: the next file opens normally.
      const again = await afterRedraw(page, () =>
        page.getByTestId('file-input').setInputFiles(join(ctx.corpus, 'onnx/lenet5.onnx')),
      );
      assert.equal(again.state, 'ready');
      await page.close();
    });
  });
}
