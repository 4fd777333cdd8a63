import { describe, expect, it } from 'vitest';
import { svgSize } from './figure-size.js';

describe('svgSize', () => {
  it('reads the root element, not a nested one', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="517" height="3068.5"><rect width="9" height="9"/></svg>';
    expect(svgSize(svg)).toEqual({ width: 517, height: 3068.5 });
  });

  it('is null without a size', () => {
    expect(svgSize('<svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg>')).toBeNull();
    expect(svgSize('\\documentclass{article}')).toBeNull();
  });
});
