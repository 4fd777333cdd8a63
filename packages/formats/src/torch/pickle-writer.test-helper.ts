/** Test helper: writes pickles opcode by opcode and torch-style zip archives, for cases no real file has. */
import { zipSync } from 'fflate';

/** A pickle under construction. */
export class PickleWriter {
  private readonly parts: number[] = [];

  private bytes(...b: number[]): this {
    this.parts.push(...b);
    return this;
  }
  private text(s: string): number[] {
    return Array.from(new TextEncoder().encode(s));
  }
  proto(v = 2): this {
    return this.bytes(0x80, v);
  }
  global(module: string, name: string): this {
    return this.bytes(0x63, ...this.text(`${module}\n${name}\n`));
  }
  str(s: string): this {
    const b = this.text(s);
    return this.bytes(0x58, b.length & 0xff, (b.length >> 8) & 0xff, 0, 0, ...b);
  }
  int(n: number): this {
    return this.bytes(0x4a, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff);
  }
  op(name: keyof typeof OPS): this {
    return this.bytes(OPS[name]);
  }
  raw(...b: number[]): this {
    return this.bytes(...b);
  }
  /** A tensor reference: _rebuild_tensor_v2((storage, type, key, 'cpu', numel), offset, size, stride, False, OrderedDict()). */
  tensor(
    storageType: string,
    key: string,
    numel: number,
    shape: number[],
    offset = 0,
    stride?: number[],
  ): this {
    const st = stride ?? shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
    this.global('torch._utils', '_rebuild_tensor_v2').op('MARK');
    this.op('MARK')
      .str('storage')
      .global('torch', storageType)
      .str(key)
      .str('cpu')
      .int(numel)
      .op('TUPLE')
      .op('BINPERSID');
    this.int(offset).op('MARK');
    for (const d of shape) this.int(d);
    this.op('TUPLE').op('MARK');
    for (const d of st) this.int(d);
    this.op('TUPLE').op('NEWFALSE').global('collections', 'OrderedDict').op('EMPTY_TUPLE').op('REDUCE');
    return this.op('TUPLE').op('REDUCE');
  }
  done(): Uint8Array {
    return Uint8Array.from([...this.parts, 0x2e]);
  }
}

const OPS = {
  MARK: 0x28,
  TUPLE: 0x74,
  EMPTY_TUPLE: 0x29,
  EMPTY_DICT: 0x7d,
  EMPTY_LIST: 0x5d,
  SETITEMS: 0x75,
  SETITEM: 0x73,
  APPEND: 0x61,
  REDUCE: 0x52,
  BUILD: 0x62,
  NEWOBJ: 0x81,
  BINPERSID: 0x51,
  NEWFALSE: 0x89,
  NONE: 0x4e,
} as const;

/** Little-endian float32 bytes. */
export function f32s(values: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

/** A torch.save-style archive: `<prefix>/data.pkl`, `<prefix>/data/<key>` (stored, uncompressed), version. */
export function torchZip(
  dataPkl: Uint8Array,
  storages: Record<string, Uint8Array>,
  prefix = 'archive',
  extra: Record<string, Uint8Array> = {},
  level: 0 | 6 = 0,
): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  files[`${prefix}/data.pkl`] = [dataPkl, { level }];
  for (const [k, v] of Object.entries(storages)) files[`${prefix}/data/${k}`] = [v, { level }];
  files[`${prefix}/version`] = [new TextEncoder().encode('3\n'), { level }];
  for (const [k, v] of Object.entries(extra)) files[`${prefix}/${k}`] = [v, { level }];
  return zipSync(files);
}

/** Hex → bytes. */
export function hex(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
}
