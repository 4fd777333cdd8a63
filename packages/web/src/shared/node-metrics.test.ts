import { describe, expect, it } from 'vitest';
import { BOX, DETAIL_FONT, OP_FONT, nodeBoxSize, nodeLines, shapeText } from './node-metrics.js';

describe('shapeText', () => {
  it('joins dims with ×, marks unknown dims, names symbols', () => {
    expect(shapeText([1, 64, 56, 56])).toBe('1×64×56×56');
    expect(shapeText(['batch', 3, null])).toBe('batch×3×?');
    expect(shapeText([])).toBe('scalar');
    expect(shapeText(null)).toBe('');
  });
});

describe('nodeBoxSize', () => {
  it('grows with lines and text, within the width limits', () => {
    const one = nodeBoxSize(nodeLines('Relu', '', ''));
    const three = nodeBoxSize(nodeLines('Conv', '3×3/2 · 64', '1×64×112×112'));
    expect(three.height - one.height).toBe(2 * BOX.lineStep);
    expect(one.width).toBeGreaterThanOrEqual(BOX.minWidth);
    expect(nodeBoxSize(['X'.repeat(200)]).width).toBe(BOX.maxWidth);
  });
  it('uses the measurer it is given, per font', () => {
    const fonts: string[] = [];
    const size = nodeBoxSize(['Op', 'detail'], (t, f) => (fonts.push(f), t.length * 10));
    expect(fonts).toEqual([OP_FONT, DETAIL_FONT]);
    expect(size.width).toBe(60 + 2 * BOX.padX + 4 < BOX.minWidth ? BOX.minWidth : 60 + 2 * BOX.padX + 4);
  });
});
