/** HParams table model on the corpus's hparams layout (experiment in the parent run, sessions below). */
import { expect, it } from 'vitest';
import { type HParamsJson, hparamsTable, parseFilter, sortRows } from './hparams-table.js';

const data: HParamsJson = {
  experiments: [
    {
      run: 'hparam_tuning',
      experiment: {
        hparamInfos: [
          { name: 'num_units', displayName: '' },
          { name: 'dropout', displayName: 'Dropout' },
        ],
        metricInfos: [{ group: '', tag: 'accuracy', displayName: '' }],
      },
    },
  ],
  sessions: [
    {
      run: 'run-0',
      groupName: 'g',
      hparams: { num_units: 16, dropout: 0.1, optimizer: 'adam' },
      status: 1,
      metrics: { accuracy: { value: 0.8, step: 1 } },
    },
    {
      run: 'run-1',
      groupName: 'g',
      hparams: { num_units: 32, dropout: 0.2, optimizer: 'sgd' },
      status: null,
      metrics: {},
    },
  ],
};

it('orders declared columns first and marks numeric ones', () => {
  const { columns, rows } = hparamsTable(data);
  expect(columns.map((c) => [c.key, c.label, c.numeric])).toEqual([
    ['hp:num_units', 'num_units', true],
    ['hp:dropout', 'Dropout', true],
    ['hp:optimizer', 'optimizer', false],
    ['m:accuracy', 'accuracy', true],
  ]);
  expect(rows[1]!.values['m:accuracy']).toBeNull();
});

it('filters by comparison, range and regex, and sorts with nulls last', () => {
  expect(parseFilter('>0.15')(0.2)).toBe(true);
  expect(parseFilter('>0.15')(0.1)).toBe(false);
  expect(parseFilter('0.1..0.2')(0.2)).toBe(true);
  expect(parseFilter('^ad')('adam')).toBe(true);
  expect(parseFilter('^ad')('sgd')).toBe(false);
  const { rows } = hparamsTable(data);
  expect(sortRows(rows, 'm:accuracy', -1).map((r) => r.run)).toEqual(['run-0', 'run-1']);
  expect(sortRows(rows, 'hp:num_units', -1).map((r) => r.run)).toEqual(['run-1', 'run-0']);
});
