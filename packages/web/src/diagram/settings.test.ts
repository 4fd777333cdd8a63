import { describe, expect, it } from 'vitest';
import {
  drawOptions,
  initialSettings,
  SHARED_KEYS,
  specFileName,
  withOption,
  withoutOptions,
} from './settings.js';

describe('diagram settings', () => {
  it('keeps shared options across styles and own options per style', () => {
    let s = withOption(initialSettings('', null), 'title', 'T');
    s = withOption(s, 'layerSpacing', 50);
    s = { ...s, style: 'tikz' };
    expect(drawOptions(s)).toEqual({ style: 'tikz', title: 'T' });
    s = { ...s, style: 'lenet' };
    expect(drawOptions(s)).toEqual({ style: 'lenet', title: 'T', layerSpacing: 50 });
    expect(drawOptions(withOption(s, 'layerSpacing', undefined))).toEqual({ style: 'lenet', title: 'T' });
    expect(drawOptions(withoutOptions(s))).toEqual({ style: 'lenet' });
  });

  it('nests dotted options and leaves model-only options out of spec drawings', () => {
    let s = withOption(initialSettings('', null), 'colors.conv', '#123456');
    s = withOption(s, 'depth', 2);
    expect(drawOptions(s)).toEqual({ style: 'lenet', colors: { conv: '#123456' }, depth: 2 });
    expect(drawOptions({ ...s, source: 'spec' })).toEqual({ style: 'lenet', colors: { conv: '#123456' } });
  });

  it('shares exactly the options every style has', () => {
    expect(SHARED_KEYS.has('title') && SHARED_KEYS.has('colors.conv')).toBe(true);
    expect(SHARED_KEYS.has('layerSpacing') || SHARED_KEYS.has('depth')).toBe(false);
  });

  it('reads JSON specs as JSON and everything else as YAML', () => {
    expect(specFileName('  {"layers": []}')).toBe('spec.json');
    expect(specFileName('# comment\nlayers: []')).toBe('spec.yaml');
  });
});
