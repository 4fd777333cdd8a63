import { OPTION_SCHEMA, STYLE_NAMES } from '@nnlens/diagrams/option-schema';
import { describe, expect, it } from 'vitest';
import { SPEC_EXAMPLES } from './examples.js';
import { initialSettings, withOption, type DiagramSettings } from './settings.js';
import { decodeHash, encodeHash, fromBase64Url, RESERVED, toBase64Url } from './url-state.js';

const fresh = (): DiagramSettings => initialSettings(SPEC_EXAMPLES[0]!.text, SPEC_EXAMPLES[0]!.id);

function configured(): DiagramSettings {
  let s: DiagramSettings = { ...fresh(), style: 'layered' };
  s = withOption(s, 'title', 'My net & co');
  s = withOption(s, 'sizingMode', 'capped');
  s = withOption(s, 'dimensionCaps.channels', 64);
  s = withOption(s, 'drawFunnel', false);
  s = withOption(s, 'typeIgnore', ['norm', 'activation']);
  s = withOption(s, 'indexIgnore', [0, 3]);
  s = withOption(s, 'colors.conv', '#ffcc00');
  s = withOption(s, 'background', 'none');
  return s;
}

describe('diagram URL state', () => {
  it('round-trips the style, every kind of option value and the source', () => {
    const s = configured();
    const hash = encodeHash(s);
    expect(hash).toMatch(/^style=layered&/);
    const back = decodeHash(hash, fresh());
    expect(back.ignored).toEqual([]);
    expect(back.settings.style).toBe('layered');
    expect(back.settings.source).toBe('model');
    expect({ ...back.settings.shared, ...back.settings.perStyle.layered }).toEqual({
      ...s.shared,
      ...s.perStyle.layered,
    });
  });

  it('round-trips a layer range with commas and quotes', () => {
    const s = withOption({ ...fresh(), style: 'graph' }, 'layerRange', ['conv,1', '"fc"']);
    expect(decodeHash(encodeHash(s), fresh()).settings.perStyle.graph).toEqual({
      layerRange: ['conv,1', '"fc"'],
    });
  });

  it('writes only values that differ from the defaults', () => {
    let s = withOption(fresh(), 'mapSpacing', 6);
    s = withOption(s, 'legend', true);
    expect(encodeHash(s)).toBe('style=lenet');
    expect(encodeHash(withOption(s, 'legend', false))).toBe('style=lenet&legend=false');
  });

  it('names an unmodified example, and carries an edited spec as base64url UTF-8', () => {
    const ex = { ...fresh(), source: 'spec' as const };
    expect(encodeHash(ex)).toBe('style=lenet&src=spec&ex=lenet5');
    const text = 'title: Größe → ∑\nlayers: [input]\n';
    const edited = { ...ex, spec: { text, example: 'lenet5' } };
    const hash = encodeHash(edited);
    expect(hash).not.toContain('ex=');
    const back = decodeHash(hash, fresh()).settings;
    expect(back.source).toBe('spec');
    expect(back.spec).toEqual({ text, example: null });
  });

  it('drops invalid entries and reports them', () => {
    const { settings, ignored } = decodeHash(
      '#style=lenet&mapSpacing=999&opacity=abc&colorBy=rainbow&color1=url(x)&nosuch=1&maxMaps=2.5&showLabels=yes&seed=4',
      fresh(),
    );
    expect(settings.perStyle.lenet).toEqual({ seed: 4 });
    expect(ignored.sort()).toEqual([
      'color1',
      'colorBy',
      'mapSpacing',
      'maxMaps',
      'nosuch',
      'opacity',
      'showLabels',
    ]);
    expect(decodeHash('style=pie', fresh())).toMatchObject({
      ignored: ['style'],
      settings: { style: 'lenet' },
    });
    expect(decodeHash('src=spec&spec=%%%', fresh()).ignored).toEqual(['spec']);
  });

  it('reserved hash keys are no option of any style', () => {
    for (const style of STYLE_NAMES)
      for (const d of OPTION_SCHEMA[style]) expect(RESERVED as readonly string[]).not.toContain(d.key);
  });

  it('base64url handles any UTF-8 and rejects garbage', () => {
    const t = 'a\u0000b — ✓ 😀';
    expect(fromBase64Url(toBase64Url(t))).toBe(t);
    expect(toBase64Url(t)).toMatch(/^[\w-]+$/);
    expect(fromBase64Url('/w')).toBeNull();
  });
});
