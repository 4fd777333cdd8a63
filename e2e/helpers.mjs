// Shared browser-test helpers: pages, readiness waits, screenshots, canvas clicks through window.__nnlensView.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export const SHOTS = new URL('../artifacts/e2e/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

/** Opens a fresh page on `path` (e.g. `/?url=…`), failing the test on any page error. */
export async function openPage(ctx, path) {
  const page = await ctx.browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  await page.goto(`${ctx.url}${path}`);
  return page;
}

/** The page's model URL for server model `key`. */
export function modelQuery(ctx, key) {
  return `/?url=${encodeURIComponent(`/api/models/${ctx.ids[key]}/file`)}`;
}

/** Waits for data-nnlens-state to be ready (or error) and returns it with the drawn node count. */
export async function waitReady(page, timeout = 30_000) {
  await page.waitForFunction(
    () => ['ready', 'error'].includes(document.documentElement.dataset.nnlensState ?? ''),
    null,
    {
      timeout,
    },
  );
  return page.evaluate(() => ({
    state: document.documentElement.dataset.nnlensState,
    nodes: Number(document.documentElement.dataset.nnlensNodes ?? 0),
    timings: window.__nnlensTimings ?? null,
  }));
}

/** Runs an action that re-lays out or re-opens, and waits until the new view is drawn. */
export async function afterRedraw(page, action) {
  await page.evaluate(() => (document.documentElement.dataset.nnlensState = 'pending'));
  await action();
  const r = await waitReady(page);
  await page.waitForFunction(() => !window.__nnlensView?.animating());
  return r;
}

/** Saves a screenshot to artifacts/e2e/<name>.png. */
export async function shot(page, name) {
  await page.waitForFunction(() => !window.__nnlensView?.animating?.());
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Clicks the centre of a node (by graph node index or exact name); the node must be on screen. */
export async function clickNode(page, node) {
  const box = await page.evaluate((n) => window.__nnlensView.nodeBox(n), node);
  assert.ok(box, `node ${node} is not drawn`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Asserts no page errors were logged. */
export function assertNoErrors(page) {
  assert.deepEqual(page.errors, [], `page errors: ${page.errors.join(' | ')}`);
}
