// The Diagram page: the open model drawn in a style, live options, settings in the URL, downloads, spec errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { afterRedraw, assertNoErrors, modelQuery, openPage, shot, waitReady } from '../helpers.mjs';

/** The SVG text the preview shows (read back from its blob URL). */
function previewSvg(page) {
  return page.evaluate(async () => {
    const img = document.querySelector('[data-testid="diagram-image"]');
    return img ? (await fetch(img.src)).text() : null;
  });
}

function optionRow(page, key) {
  return page.locator(`.dg-row[data-option="${key}"]`);
}

/** The next download started by `click`: its name, bytes and UTF-8 text. */
async function downloaded(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync(await dl.path());
  return { name: dl.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

export function diagramSpecs(ctx) {
  describe('diagram page', () => {
    let page;
    let alexnetSvg;
    before(async () => {
      page = await openPage(ctx, modelQuery(ctx, 'resnet18'));
    });
    after(() => page?.close());

    it('draws the model open in the viewer', async () => {
      assert.equal((await waitReady(page)).state, 'ready');
      const r = await afterRedraw(page, () => page.getByRole('link', { name: 'Diagram' }).click());
      assert.equal(r.state, 'ready');
      assert.match(page.url(), /\/diagram\?url=.*#style=lenet$/);
      const svg = await previewSvg(page);
      assert.match(svg, /^<svg[^>]*width="\d+"/);
      assert.match(svg, /64@56×56/, 'lenet labels the feature maps of layer1');
      await page.waitForTimeout(100);
      await shot(page, 'diagram-lenet');
      assertNoErrors(page);
    });

    it('switching style and an option redraws, and the URL carries both', async () => {
      await afterRedraw(page, () => page.locator('[data-style="alexnet"]').click());
      const before = await previewSvg(page);
      const field = optionRow(page, 'azimuth').getByLabel('Azimuth ° value');
      await afterRedraw(page, () => field.fill('-60'));
      alexnetSvg = await previewSvg(page);
      assert.notEqual(alexnetSvg, before, 'the figure changed');
      await page.waitForFunction(() => location.hash.includes('azimuth=-60'));
      assert.match(page.url(), /#style=alexnet&azimuth=-60$/);
      await shot(page, 'diagram-alexnet');
    });

    it('a reload restores the style, the option and the figure', async () => {
      const r = await afterRedraw(page, () => page.reload());
      assert.equal(r.state, 'ready');
      assert.equal(await page.locator('[data-style="alexnet"]').getAttribute('aria-checked'), 'true');
      assert.equal(await optionRow(page, 'azimuth').getByLabel('Azimuth ° value').inputValue(), '-60');
      assert.equal(await previewSvg(page), alexnetSvg);
      assertNoErrors(page);
    });

    it('a visit to the Model tab keeps the settings and the same figure reports ready again', async () => {
      await afterRedraw(page, () => page.getByRole('link', { name: 'Model' }).click());
      const r = await afterRedraw(page, () => page.getByRole('link', { name: 'Diagram' }).click());
      assert.equal(r.state, 'ready');
      assert.match(page.url(), /#style=alexnet&azimuth=-60$/);
      assert.equal(await previewSvg(page), alexnetSvg);
    });

    it('downloads SVG, PNG and TikZ', async () => {
      const svg = await downloaded(page, () => page.getByTestId('download-svg').click());
      assert.equal(svg.name, 'resnet18-alexnet.svg');
      assert.equal(svg.text, alexnetSvg);
      const png = await downloaded(page, () => page.getByTestId('download-png').click());
      assert.equal(png.name, 'resnet18-alexnet@2x.png');
      assert.equal(png.bytes.subarray(1, 4).toString('latin1'), 'PNG');
      const tex = await downloaded(page, () => page.getByTestId('download-tex').click());
      assert.equal(tex.name, 'resnet18-tikz.tex');
      assert.match(tex.text, /\\documentclass[\s\S]*\\begin\{tikzpicture\}/);
    });

    it('the tikz style shows LaTeX text', async () => {
      await afterRedraw(page, () => page.locator('[data-style="tikz"]').click());
      assert.match(await page.getByTestId('diagram-tex').innerText(), /\\begin\{tikzpicture\}/);
      await shot(page, 'diagram-tikz');
    });

    it('a spec with an error shows where it is, and the link carries the spec', async () => {
      await afterRedraw(page, () => page.locator('[data-style="lenet"]').click());
      await afterRedraw(page, () => page.getByRole('radio', { name: 'Spec file' }).click());
      assert.match(await page.getByTestId('spec-status').innerText(), /Valid spec/);
      assert.match(await previewSvg(page), /6@28×28/, 'the LeNet-5 example is drawn');
      await page.waitForFunction(() => location.hash.endsWith('src=spec&ex=lenet5'));
      await shot(page, 'diagram-spec');

      const editor = page.getByTestId('spec-text');
      const text = (await editor.inputValue()).replace('filters: 16, kernel: 5', 'filters: 16, kernel: five');
      const r = await afterRedraw(page, () => editor.fill(text));
      assert.equal(r.state, 'error');
      const status = await page.getByTestId('spec-status').innerText();
      assert.match(status, /Line 8, col \d+/);
      assert.match(status, /layers\[3\]\.kernel/);
      assert.equal(await page.locator('.dg-gutter .err').innerText(), '8');
      await page.waitForFunction(() => /src=spec&spec=[\w-]+$/.test(location.hash));
      await shot(page, 'diagram-spec-error');
      assertNoErrors(page);
    });
  });
}
