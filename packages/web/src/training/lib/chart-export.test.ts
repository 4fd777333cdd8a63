/** Chart downloads. */
import { expect, it } from 'vitest';
import { exportName, toCsv, toJson } from './chart-export.js';

const s = { run: 'a,b', steps: [0, 1, 9], wallTimes: [10, 11, 12], values: [0.5, NaN, 3], n: 2 };

it('writes CSV rows for the points in use, quoting run names', () => {
  expect(toCsv([s])).toBe('run,step,wall_time,value\n"a,b",0,10,0.5\n"a,b",1,11,NaN\n');
});

it('writes JSON with non-finite values as strings', () => {
  expect(JSON.parse(toJson('train/loss', [s]))).toEqual({
    tag: 'train/loss',
    runs: [
      {
        run: 'a,b',
        points: [
          [0, 10, 0.5],
          [1, 11, 'NaN'],
        ],
      },
    ],
  });
  expect(exportName('train/loss', 'csv')).toBe('train_loss.csv');
});
