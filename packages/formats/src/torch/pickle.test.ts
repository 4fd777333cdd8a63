// The safe unpickler: protocols 0–5 decode to inert values; nothing is ever called; hostile input fails cleanly.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../errors.js';
import { hex, PickleWriter } from './pickle-writer.test-helper.js';
import { MAX_PICKLE_ENTRIES, unpickle } from './pickle.js';
import { PyDict, PyGlobal, PyObject, PySet, PyTuple, type PyValue } from './py-objects.js';

// pickle.dumps(VALUE, protocol=p) by CPython 3.11, VALUE = {'a': [1, -2, 3.5, 'x', (1, 2), None, True, False,
// 2**40, -2**70, 'ünï'], 'od': OrderedDict([('k', 1)]), 's': {7}, 'e': ()}
const PROTOCOLS: Record<number, string> = {
  0: '286470300a56610a70310a286c70320a49310a61492d320a6146332e350a6156780a70330a612849310a49320a7470340a614e614930310a614930300a614c313039393531313632373737364c0a614c2d313138303539313632303731373431313330333432344c0a6156fc6eef0a70350a6173566f640a70360a63636f6c6c656374696f6e730a4f726465726564446963740a70370a28745270380a566b0a70390a49310a737356730a7031300a635f5f6275696c74696e5f5f0a7365740a7031310a28286c7031320a49370a61747031330a527031340a7356650a7031350a2874732e',
  1: '7d71002858010000006171015d7102284b014afeffffff47400c0000000000005801000000787103284b014b027471044e4930310a4930300a4c313039393531313632373737364c0a4c2d313138303539313632303731373431313330333432344c0a5805000000c3bc6ec3af71056558020000006f64710663636f6c6c656374696f6e730a4f726465726564446963740a71072952710858010000006b71094b0173580100000073710a635f5f6275696c74696e5f5f0a7365740a710b285d710c4b076174710d52710e580100000065710f29752e',
  2: '80027d71002858010000006171015d7102284b014afeffffff47400c00000000000058010000007871034b014b028671044e88898a060000000000018a090000000000000000c05805000000c3bc6ec3af71056558020000006f64710663636f6c6c656374696f6e730a4f726465726564446963740a71072952710858010000006b71094b0173580100000073710a635f5f6275696c74696e5f5f0a7365740a710b5d710c4b076185710d52710e580100000065710f29752e',
  3: '80037d71002858010000006171015d7102284b014afeffffff47400c00000000000058010000007871034b014b028671044e88898a060000000000018a090000000000000000c05805000000c3bc6ec3af71056558020000006f64710663636f6c6c656374696f6e730a4f726465726564446963740a71072952710858010000006b71094b0173580100000073710a636275696c74696e730a7365740a710b5d710c4b076185710d52710e580100000065710f29752e',
  4: '80049581000000000000007d94288c0161945d94284b014afeffffff47400c0000000000008c0178944b014b0286944e88898a060000000000018a090000000000000000c08c05c3bc6ec3af94658c026f64948c0b636f6c6c656374696f6e73948c0b4f726465726564446963749493942952948c016b944b01738c0173948f94284b07908c01659429752e',
  5: '80059581000000000000007d94288c0161945d94284b014afeffffff47400c0000000000008c0178944b014b0286944e88898a060000000000018a090000000000000000c08c05c3bc6ec3af94658c026f64948c0b636f6c6c656374696f6e73948c0b4f726465726564446963749493942952948c016b944b01738c0173948f94284b07908c01659429752e',
};

// {'x': Evil()} where Evil.__reduce__ returns (os.system, ('touch /tmp/nnlens-pwned',)), protocols 0, 2, 4.
const EVIL = [
  '286470300a56780a70310a63706f7369780a73797374656d0a70320a2856746f756368202f746d702f6e6e6c656e732d70776e65640a70330a7470340a5270350a732e',
  '80027d7100580100000078710163706f7369780a73797374656d0a71025817000000746f756368202f746d702f6e6e6c656e732d70776e65647103857104527105732e',
  '80049539000000000000007d948c0178948c05706f736978948c0673797374656d9493948c17746f756368202f746d702f6e6e6c656e732d70776e65649485945294732e',
];

/** Plain JS view of decoded values, for comparison. */
function plain(v: PyValue): unknown {
  if (v instanceof PyDict) return Object.fromEntries([...v.map].map(([k, x]) => [String(k), plain(x)]));
  if (v instanceof PyTuple) return { tuple: v.items.map(plain) };
  if (v instanceof PySet) return { set: v.items.map(plain) };
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

function fails(bytes: Uint8Array, message: RegExp): void {
  expect(() => unpickle(bytes)).toThrow(ModelFormatError);
  expect(() => unpickle(bytes)).toThrow(message);
}

describe('unpickle', () => {
  it.each(Object.keys(PROTOCOLS).map(Number))('decodes protocol %i', (p) => {
    const v = unpickle(hex(PROTOCOLS[p]!));
    expect(plain(v)).toEqual({
      a: [1, -2, 3.5, 'x', { tuple: [1, 2] }, null, true, false, 2 ** 40, -(2n ** 70n), 'ünï'],
      od: { k: 1 },
      s: { set: [7] },
      e: { tuple: [] },
    });
    expect(((v as PyDict).map.get('od') as PyDict).cls).toBe('OrderedDict');
  });

  it.each([0, 1, 2])(
    'never calls os.system: the call becomes an inert placeholder (evil pickle #%i)',
    (i) => {
      const v = unpickle(hex(EVIL[i]!)) as PyDict;
      const x = v.map.get('x');
      expect(x).toBeInstanceOf(PyObject);
      expect((x as PyObject).cls).toEqual(new PyGlobal('posix', 'system'));
      expect((x as PyObject).args).toEqual(['touch /tmp/nnlens-pwned']);
      expect(existsSync('/tmp/nnlens-pwned')).toBe(false);
    },
  );

  it('other constructions of non-whitelisted globals stay inert too (INST, OBJ, NEWOBJ, BUILD, eval)', () => {
    const inst = new PickleWriter()
      .raw(0x28)
      .str('1+1')
      .raw(0x69, ...new TextEncoder().encode('builtins\neval\n'))
      .done();
    expect(unpickle(inst)).toMatchObject({ cls: { module: 'builtins', name: 'eval' }, args: ['1+1'] });
    const obj = new PickleWriter().op('MARK').global('subprocess', 'Popen').str('ls').raw(0x6f).done();
    expect(unpickle(obj)).toMatchObject({ cls: { name: 'Popen' }, args: ['ls'] });
    const built = new PickleWriter()
      .global('os', 'system')
      .op('EMPTY_TUPLE')
      .op('NEWOBJ')
      .op('EMPTY_DICT')
      .op('BUILD')
      .done();
    expect(unpickle(built)).toBeInstanceOf(PyObject);
    // A whitelisted rebuild helper given junk does not crash either.
    const junk = new PickleWriter()
      .global('torch._utils', '_rebuild_tensor_v2')
      .op('MARK')
      .str('x')
      .op('TUPLE')
      .op('REDUCE')
      .done();
    expect(unpickle(junk)).toBeNull();
  });

  it('fails cleanly on malformed input', () => {
    fails(hex('80028c'), /truncated/);
    fails(hex('8002'), /no STOP opcode/);
    fails(hex('800268052e'), /memo entry 5 is not defined/);
    fails(hex('80022e'), /STOP with an empty stack/);
    fails(hex('800230'), /stack underflow/);
    fails(hex('8002ff'), /unknown opcode 0xff/);
    fails(hex('8002741e'), /MARK missing/);
    fails(hex('80028bffffff7f2e'), /too large/);
    fails(hex('800258ffffff7f2e'), /truncated/);
    fails(hex('8002970a2e'), /out-of-band buffers/);
    fails(hex('800273'), /stack underflow/);
    fails(hex('80085d2e'), /unsupported pickle protocol 8/);
  });

  it('bounds the stack: a run of DUPs stops at the entry limit', () => {
    const dups = new Uint8Array(MAX_PICKLE_ENTRIES + 10).fill(0x32);
    dups.set([0x80, 0x02, 0x4e]);
    fails(dups, /more than 4194304 stack or memo entries/);
  });

  it('handles 200,000 levels of nesting and a million appends in linear time', () => {
    const deep = new Uint8Array(200_000 * 2 + 1);
    for (let i = 0; i < 200_000; i++) deep[i] = 0x5d; // EMPTY_LIST
    for (let i = 0; i < 199_999; i++) deep[200_000 + i] = 0x61; // APPEND
    deep[deep.length - 2] = 0x2e;
    const t0 = performance.now();
    let v = unpickle(deep.subarray(0, deep.length - 1));
    let depth = 0;
    while (Array.isArray(v) && v.length) [v, depth] = [v[0]!, depth + 1];
    expect(depth).toBe(199_999);
    const wide = new Uint8Array(2 + 1_000_000 * 2 + 2);
    wide.set([0x5d, 0x28]);
    for (let i = 0; i < 1_000_000; i++) wide.set([0x4b, i & 0xff], 2 + 2 * i);
    wide.set([0x65, 0x2e], wide.length - 2);
    expect((unpickle(wide) as number[]).length).toBe(1_000_000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
