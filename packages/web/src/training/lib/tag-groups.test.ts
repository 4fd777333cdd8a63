/** Tag grouping and filtering. */
import { expect, it } from 'vitest';
import { filterMatcher, groupTags } from './tag-groups.js';

it('groups by the first path component, ungrouped first, numbers in natural order', () => {
  expect(groupTags(['train/loss', 'loss', 'eval/acc', 'train/acc', 'layer10/w', 'layer9/w'])).toEqual([
    { name: '', tags: ['loss'] },
    { name: 'eval', tags: ['eval/acc'] },
    { name: 'layer9', tags: ['layer9/w'] },
    { name: 'layer10', tags: ['layer10/w'] },
    { name: 'train', tags: ['train/acc', 'train/loss'] },
  ]);
});

it('filters by case-insensitive regex, and by substring while the regex is invalid', () => {
  expect(filterMatcher('^TRAIN/').test('train/loss')).toBe(true);
  const bad = filterMatcher('loss(');
  expect(bad.error).not.toBeNull();
  expect(bad.test('val/loss(x)')).toBe(true);
  expect(bad.test('val/loss')).toBe(false);
});
