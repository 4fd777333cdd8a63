import { describe, expect, it } from 'vitest';
import { GridIndex } from './spatial-index.js';

describe('GridIndex', () => {
  it('returns exactly the boxes whose cells touch the query, each once', () => {
    const g = new GridIndex(4, 100);
    g.insert(0, 0, 0, 50, 50);
    g.insert(1, 250, 250, 260, 260);
    g.insert(2, -150, -150, 450, 450); // spans many cells
    g.insert(3, 1000, 0, 1010, 10);
    expect(g.query(0, 0, 99, 99).sort()).toEqual([0, 2]);
    expect(g.query(200, 200, 300, 300).sort()).toEqual([1, 2]);
    expect(g.query(990, -5, 1020, 5)).toEqual([3]);
    expect(g.query(5000, 5000, 5100, 5100)).toEqual([]);
  });
  it('answers a small window of a 20k-box grid without visiting everything', () => {
    const g = new GridIndex(20000, 256);
    for (let i = 0; i < 20000; i++)
      g.insert(
        i,
        (i % 100) * 200,
        Math.floor(i / 100) * 60,
        (i % 100) * 200 + 120,
        Math.floor(i / 100) * 60 + 40,
      );
    const hits = g.query(0, 0, 1000, 600);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(200);
  });
});

describe('GridIndex bounds', () => {
  it('answers a query far larger than the content by returning everything, once', () => {
    const g = new GridIndex(3, 10);
    g.insert(0, 0, 0, 5, 5);
    g.insert(1, 100, 100, 105, 105);
    g.insert(2, 50, 50, 55, 55);
    expect(g.query(-1e7, -1e7, 1e7, 1e7).sort()).toEqual([0, 1, 2]);
    expect(g.query(-1e7, -1e7, 20, 20)).toEqual([0]);
  });
});
