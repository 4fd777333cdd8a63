// The Model page on real models: open, panels, clicking, search, groups, exports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  afterRedraw,
  assertNoErrors,
  clickNode,
  modelQuery,
  openPage,
  shot,
  waitReady,
} from '../helpers.mjs';

function threeSig(n) {
  for (const [s, v] of [
    ['G', 1e9],
    ['M', 1e6],
    ['K', 1e3],
  ])
    if (n >= v) return `${Number((n / v).toPrecision(3))} ${s}`;
  return String(n);
}

export function modelViewerSpecs(ctx) {
  describe('densenet121', () => {
    let page;
    before(async () => {
      page = await openPage(ctx, modelQuery(ctx, 'densenet'));
    });
    after(() => page?.close());

    it('opens via ?url and reports ready with drawn nodes and timings', async () => {
      const r = await waitReady(page);
      assert.equal(r.state, 'ready');
      assert.ok(r.nodes > 0, `drawn nodes: ${r.nodes}`);
      for (const k of ['parse', 'analyze', 'layout', 'firstDraw', 'total'])
        assert.equal(typeof r.timings[k], 'number', k);
      await page.waitForTimeout(150);
      await shot(page, 'densenet121');
      assertNoErrors(page);
    });

    it('shows the model totals, MACs matching the torch counters', async () => {
      const truth = JSON.parse(readFileSync(join(ctx.corpus, 'analyzer/flops_params.json'), 'utf8'));
      const dn = truth.models.find((m) => m.model === 'densenet121');
      const panel = page.getByTestId('model-panel');
      await panel.waitFor();
      const text = await panel.innerText();
      assert.match(text, /stored weight elements/);
      assert.match(text, /excluding BatchNorm running statistics/);
      assert.ok(
        text.includes(threeSig(dn.macs_hook)),
        `MACs ${threeSig(dn.macs_hook)} not in panel:\n${text}`,
      );
      assert.match(text, /float32\[1×3×224×224\]/);
    });

    it('clicking a node shows its op and output shape in the side panel', async () => {
      await clickNode(page, '/features/conv0/Conv');
      const panel = page.getByTestId('node-panel');
      await panel.waitFor();
      assert.equal(await page.getByTestId('node-op').innerText(), 'Conv');
      assert.match(await page.getByTestId('node-outputs').innerText(), /float32\[1×64×112×112\]/);
      assert.match(await panel.innerText(), /kernel_shape/);
      await shot(page, 'densenet121-node-selected');
    });

    it('jumps from an output to its consumer', async () => {
      await page.getByTestId('node-outputs').getByRole('button').first().click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="node-op"]')?.textContent !== 'Conv',
      );
      const op = await page.getByTestId('node-op').innerText();
      assert.ok(['Relu', 'BatchNormalization', 'MaxPool'].includes(op), `jumped to ${op}`);
    });

    it('collapses a group from its frame header and expands it again', async () => {
      const before = await page.evaluate(() => Number(document.documentElement.dataset.nnlensNodes));
      const id = 'features/denseblock1';
      const groups = await page.evaluate(() => window.__nnlensView.groups());
      const target = groups.find((g) => g.id === id) ?? groups.find((g) => g.expanded && g.id.includes('/'));
      assert.ok(target, `no expanded group among ${groups.map((g) => g.id).join(', ')}`);
      await page.evaluate((gid) => {
        const b = window.__nnlensView.groupBox(gid);
        window.__nnlensView.setViewport({
          ...window.__nnlensView.viewport(),
          y: window.__nnlensView.viewport().y - b.y + 160,
        });
      }, target.id);
      await page.waitForTimeout(100);
      const frame = await page.evaluate((gid) => window.__nnlensView.groupBox(gid), target.id);
      assert.equal(frame.expanded, true);
      const collapsed = await afterRedraw(page, () => page.mouse.click(frame.x + 12, frame.y + 10));
      const box = await page.evaluate((gid) => window.__nnlensView.groupBox(gid), target.id);
      assert.equal(box.expanded, false);
      assert.ok(collapsed.nodes < before, `${collapsed.nodes} < ${before}`);
      // The toggled group stays where it was on screen.
      assert.ok(Math.abs(box.y - frame.y) < 2, `moved from ${frame.y} to ${box.y}`);
      await shot(page, 'densenet121-group-collapsed');
      const expanded = await afterRedraw(page, () =>
        page.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
      );
      assert.equal(expanded.nodes, before);
      assert.equal(
        (await page.evaluate((gid) => window.__nnlensView.groupBox(gid), target.id)).expanded,
        true,
      );
    });

    it('exports the view as SVG with node elements', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-svg').click(),
      ]);
      assert.match(download.suggestedFilename(), /^densenet121\.svg$/);
      const text = readFileSync(await download.path(), 'utf8');
      const parsed = await page.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          nodes: doc.querySelectorAll('g.node').length,
          texts: [...doc.querySelectorAll('g.node text')].map((t) => t.textContent),
        };
      }, text);
      assert.equal(parsed.error, null);
      assert.equal(parsed.root, 'svg');
      const drawn = await page.evaluate(() => Number(document.documentElement.dataset.nnlensNodes));
      assert.ok(parsed.nodes >= drawn - 20, `${parsed.nodes} svg nodes for ${drawn} drawn`);
      assert.ok(parsed.texts.includes('Conv'));
    });

    it('exports the view as PNG', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-png').click(),
      ]);
      const bytes = readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      assert.ok(width > 200 && height > 1000, `${width}×${height}`);
      assertNoErrors(page);
    });
  });

  describe('24-layer transformer', () => {
    let page;
    before(async () => {
      page = await openPage(ctx, modelQuery(ctx, 'transformer'));
    });
    after(() => page?.close());

    it('opens with its repeated layers collapsed', async () => {
      const r = await waitReady(page);
      assert.equal(r.state, 'ready');
      assert.ok(r.nodes > 0);
      const groups = await page.evaluate(() => window.__nnlensView.groups());
      assert.ok(groups.filter((g) => !g.expanded).length >= 24, 'the 24 layers are collapsed boxes');
      await page.waitForTimeout(150);
      await shot(page, 'transformer-24l');
      assertNoErrors(page);
    });

    it('search finds a node inside a collapsed layer, expands it, centres and selects it', async () => {
      await page.keyboard.press('/');
      const input = page.getByRole('searchbox').or(page.getByLabel('Search nodes'));
      await input.fill('layers.7 softmax');
      await page.waitForSelector('.search-results [role="option"]');
      await shot(page, 'transformer-search');
      const r = await afterRedraw(page, () => page.keyboard.press('Enter'));
      assert.equal(r.state, 'ready');
      assert.equal(await page.getByTestId('node-op').innerText(), 'Softmax');
      const name = await page.locator('.node-name').innerText();
      assert.match(name, /layers\.7\//);
      const box = await page.evaluate((n) => window.__nnlensView.nodeBox(n), name);
      const canvas = await page.getByTestId('graph-canvas').boundingBox();
      assert.ok(box, 'the found node is drawn');
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      assert.ok(
        Math.abs(cx - (canvas.x + canvas.width / 2)) < 40 &&
          Math.abs(cy - (canvas.y + canvas.height / 2)) < 40,
        'centred',
      );
      await shot(page, 'transformer-search-result');
    });
  });
}
