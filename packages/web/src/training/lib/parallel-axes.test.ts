/** Parallel axes: scale choice and brush filters that the table's filter parser accepts. */
import { expect, it } from 'vitest';
import { brushFilter, parallelAxes } from './parallel-axes.js';
import { type HpColumn, type HpRow, parseFilter } from './hparams-table.js';

const columns: HpColumn[] = [
  { key: 'hp:lr', label: 'lr', kind: 'hparam', numeric: true },
  { key: 'hp:opt', label: 'opt', kind: 'hparam', numeric: false },
  { key: 'm:acc', label: 'acc', kind: 'metric', numeric: true },
];
const rows: HpRow[] = [
  { run: 'a', status: 1, values: { 'hp:lr': 1e-4, 'hp:opt': 'sgd', 'm:acc': 0.5 } },
  { run: 'b', status: 1, values: { 'hp:lr': 0.1, 'hp:opt': 'adam', 'm:acc': 0.9 } },
  { run: 'c', status: 1, values: { 'hp:lr': 1e-2, 'hp:opt': 'adamw', 'm:acc': null } },
];

it('uses a log axis for values spanning decades, categories in natural order', () => {
  const [lr, opt, acc] = parallelAxes(columns, rows);
  expect(lr!.kind).toBe('log');
  expect(lr!.pos(1e-2)).toBeCloseTo(2 / 3, 12);
  expect(opt!.categories).toEqual(['adam', 'adamw', 'sgd']);
  expect(opt!.pos('adamw')).toBe(0.5);
  expect(acc!.kind).toBe('linear');
  expect(acc!.pos(null)).toBeNull();
});

it('turns brushes into filters that select the brushed rows', () => {
  const [lr, opt] = parallelAxes(columns, rows);
  const f = parseFilter(brushFilter(lr!, 0.5, 1));
  expect(rows.map((r) => f(r.values['hp:lr']!))).toEqual([false, true, true]);
  const g = parseFilter(brushFilter(opt!, 0, 0.6));
  expect(rows.map((r) => g(r.values['hp:opt']!))).toEqual([false, true, true]);
});
