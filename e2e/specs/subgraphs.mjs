// Control flow: a Loop's body and an If's branches open as their own graphs, with a breadcrumb back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  afterRedraw,
  assertNoErrors,
  clickNode,
  modelQuery,
  openPage,
  shot,
  waitReady,
} from '../helpers.mjs';

async function nodeOf(page, op) {
  const n = await page.evaluate((o) => window.__nnlensView.drawnNodes().find((x) => x.op === o) ?? null, op);
  assert.ok(n, `no ${op} node drawn`);
  return n.index;
}

async function crumbs(page) {
  return (await page.locator('.breadcrumb .crumb').allInnerTexts()).map((t) => t.replace('›', '').trim());
}

export function subgraphSpecs(ctx) {
  describe('control_flow_loop_if', () => {
    it('navigates into the Loop body, into an If branch, and back', async () => {
      const page = await openPage(ctx, modelQuery(ctx, 'controlFlow'));
      assert.equal((await waitReady(page)).state, 'ready');
      assert.deepEqual(await crumbs(page), ['main']);
      await shot(page, 'control-flow-main');

      await clickNode(page, await nodeOf(page, 'Loop'));
      await page.getByTestId('node-panel').waitFor();
      const body = await afterRedraw(page, () => page.getByRole('button', { name: 'Open body' }).click());
      assert.equal(body.state, 'ready');
      assert.ok(body.nodes > 0);
      const trail = await crumbs(page);
      assert.equal(trail.length, 2);
      assert.match(trail[1], /\.body$/);
      await shot(page, 'control-flow-loop-body');

      await clickNode(page, await nodeOf(page, 'If'));
      const branch = await afterRedraw(page, () =>
        page.getByRole('button', { name: 'Open then_branch' }).click(),
      );
      assert.ok(branch.nodes > 0);
      const deep = await crumbs(page);
      assert.equal(deep.length, 3);
      assert.match(deep[2], /then_branch$/);
      await shot(page, 'control-flow-if-then');

      await afterRedraw(page, () =>
        page.locator('.breadcrumb').getByRole('button', { name: 'main' }).click(),
      );
      assert.deepEqual(await crumbs(page), ['main']);
      assert.ok((await page.evaluate(() => window.__nnlensView.drawnNodes())).some((n) => n.op === 'Loop'));

      // Double-clicking a node that owns a subgraph opens it too.
      const box = await page.evaluate((n) => window.__nnlensView.nodeBox(n), await nodeOf(page, 'Loop'));
      await afterRedraw(page, () => page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2));
      assert.equal((await crumbs(page)).length, 2);
      assertNoErrors(page);
      await page.close();
    });
  });
}
