/**
 * A safe unpickler (protocols 0–5): it builds data only. GLOBAL names become PyGlobal references; REDUCE,
 * NEWOBJ and friends call nothing but the whitelist in rebuild.ts and otherwise record inert PyObjects.
 * Every opcode consumes input, so time and memory stay linear in the file size.
 */
import { torchError } from './errors.js';
import { PyDict, PyGlobal, PyObject, PySet, PyTuple, type PyValue } from './py-objects.js';
import { callGlobal } from './rebuild.js';

/** Options of unpickle(). */
export interface UnpickleOptions {
  /** Resolves a persistent id (torch: ('storage', type, key, location, numel)). */
  persistentLoad?: (pid: PyValue) => PyValue;
  /** Archive member name, for messages. */
  entry?: string;
  /** Format id for errors. */
  format?: string;
}

/** Most stack and memo entries accepted (each needs an opcode, so real files stay far below). */
export const MAX_PICKLE_ENTRIES = 1 << 22;

/** Largest integer byte length accepted for LONG1/LONG4 (torch never writes more than 8). */
const MAX_LONG_BYTES = 64;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

class Machine {
  pos: number;
  private readonly stack: PyValue[] = [];
  private readonly marks: number[] = [];
  private readonly memo = new Map<number, PyValue>();
  private readonly view: DataView;

  constructor(
    private readonly b: Uint8Array,
    private readonly opts: UnpickleOptions,
    start = 0,
  ) {
    this.pos = start;
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  fail(message: string, at = this.pos): never {
    const where: { offset: number; entry?: string; format?: string } = { offset: at };
    if (this.opts.entry) where.entry = this.opts.entry;
    if (this.opts.format) where.format = this.opts.format;
    throw torchError(`pickle: ${message}`, where);
  }

  private need(n: number): number {
    if (n > this.b.length - this.pos || n < 0) this.fail(`truncated (needs ${n} more bytes)`, this.b.length);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  private u8(): number {
    return this.b[this.need(1)]!;
  }

  private u32(): number {
    return this.view.getUint32(this.need(4), true);
  }

  private u64(): number {
    const at = this.need(8);
    const v = this.view.getUint32(at, true) + this.view.getUint32(at + 4, true) * 2 ** 32;
    if (v > this.b.length) this.fail(`length ${v} exceeds the data`);
    return v;
  }

  private line(): string {
    const start = this.pos;
    const nl = this.b.indexOf(10, start);
    if (nl < 0) this.fail('truncated text line', this.b.length);
    this.pos = nl + 1;
    return latin1.decode(this.b.subarray(start, nl)).replace(/\r$/, '');
  }

  private bytes(n: number): Uint8Array {
    const at = this.need(n);
    return this.b.subarray(at, at + n);
  }

  private pop(): PyValue {
    if (this.stack.length === 0 || this.stack.length <= (this.marks[this.marks.length - 1] ?? -1))
      this.fail('stack underflow');
    return this.stack.pop()!;
  }

  private top(): PyValue {
    if (this.stack.length === 0) this.fail('stack underflow');
    return this.stack[this.stack.length - 1]!;
  }

  private popMark(): PyValue[] {
    const m = this.marks.pop();
    if (m === undefined) this.fail('MARK missing');
    return this.stack.splice(m);
  }

  private long(n: number): number | bigint {
    if (n > MAX_LONG_BYTES) this.fail(`integer of ${n} bytes is too large`);
    const bs = this.bytes(n);
    if (n === 0) return 0;
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(bs[i]!);
    if (bs[n - 1]! & 0x80) v -= 1n << BigInt(8 * n);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }

  private setItems(target: PyValue, kv: PyValue[]): void {
    if (kv.length % 2) this.fail('odd number of items for SETITEMS');
    const map = target instanceof PyDict ? target.map : target instanceof PyObject ? target.dict : null;
    if (!map) this.fail('SETITEM on a value that is not a dict');
    for (let i = 0; i < kv.length; i += 2) map.set(key(kv[i]!), kv[i + 1]!);
  }

  private append(target: PyValue, xs: PyValue[]): void {
    if (Array.isArray(target)) for (const x of xs) target.push(x);
    else if (target instanceof PyObject) target.items.push(...xs);
    else if (target instanceof PySet) target.items.push(...xs);
    else this.fail('APPEND on a value that is not a list');
  }

  private build(obj: PyValue, state: PyValue): void {
    if (obj instanceof PyObject) obj.state = state;
    else if (obj instanceof PyDict && state instanceof PyDict)
      for (const [k, v] of state.map) obj.map.set(k, v);
    // Tensors and others: the state (e.g. a Parameter's requires_grad bookkeeping) is not needed.
  }

  private persistent(pid: PyValue): PyValue {
    if (!this.opts.persistentLoad) this.fail('persistent id without a loader');
    return this.opts.persistentLoad(pid);
  }

  private global(module: string, name: string): PyValue {
    return new PyGlobal(module, name);
  }

  run(): PyValue {
    const b = this.b;
    for (;;) {
      if (this.pos >= b.length) this.fail('truncated: no STOP opcode', b.length);
      const at = this.pos;
      if (this.stack.length > MAX_PICKLE_ENTRIES || this.memo.size > MAX_PICKLE_ENTRIES) {
        this.fail(`more than ${MAX_PICKLE_ENTRIES} stack or memo entries`, at);
      }
      const op = b[this.pos++]!;
      switch (op) {
        case 0x80: // PROTO
          if (this.u8() > 5) this.fail(`unsupported pickle protocol ${b[this.pos - 1]}`, at);
          break;
        case 0x95: // FRAME
          this.need(8);
          break;
        case 0x2e: // STOP
          if (this.stack.length === 0) this.fail('STOP with an empty stack', at);
          return this.stack[this.stack.length - 1]!;
        case 0x28: // MARK
          this.marks.push(this.stack.length);
          break;
        case 0x30: // POP
          if (this.stack.length > 0 && this.stack.length === this.marks[this.marks.length - 1])
            this.marks.pop();
          else this.pop();
          break;
        case 0x31: // POP_MARK
          this.popMark();
          break;
        case 0x32: // DUP
          this.stack.push(this.top());
          break;
        case 0x4e: // NONE
          this.stack.push(null);
          break;
        case 0x88: // NEWTRUE
          this.stack.push(true);
          break;
        case 0x89: // NEWFALSE
          this.stack.push(false);
          break;
        case 0x49: {
          // INT (text): '01'/'00' are bools in protocol 0
          const s = this.line();
          if (s === '01' || s === '00') this.stack.push(s === '01');
          else this.stack.push(parseIntText(s) ?? this.fail(`bad INT '${s.slice(0, 20)}'`, at));
          break;
        }
        case 0x4a: // BININT
          this.stack.push(this.view.getInt32(this.need(4), true));
          break;
        case 0x4b: // BININT1
          this.stack.push(this.u8());
          break;
        case 0x4d: // BININT2
          this.stack.push(this.view.getUint16(this.need(2), true));
          break;
        case 0x4c: {
          // LONG (text)
          const s = this.line().replace(/L$/, '');
          this.stack.push(parseIntText(s) ?? this.fail(`bad LONG '${s.slice(0, 20)}'`, at));
          break;
        }
        case 0x8a: // LONG1
          this.stack.push(this.long(this.u8()));
          break;
        case 0x8b: // LONG4
          this.stack.push(this.long(this.u32()));
          break;
        case 0x46: {
          // FLOAT (text)
          const v = Number(this.line());
          this.stack.push(Number.isNaN(v) ? NaN : v);
          break;
        }
        case 0x47: // BINFLOAT (big-endian)
          this.stack.push(this.view.getFloat64(this.need(8), false));
          break;
        case 0x53: // STRING (text repr)
          this.stack.push(unquote(this.line()));
          break;
        case 0x54: // BINSTRING
          this.stack.push(latin1.decode(this.bytes(this.u32())));
          break;
        case 0x55: // SHORT_BINSTRING
          this.stack.push(latin1.decode(this.bytes(this.u8())));
          break;
        case 0x56: // UNICODE (raw-unicode-escape)
          this.stack.push(
            this.line().replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) =>
              String.fromCharCode(parseInt(h, 16)),
            ),
          );
          break;
        case 0x58: // BINUNICODE
          this.stack.push(utf8.decode(this.bytes(this.u32())));
          break;
        case 0x8c: // SHORT_BINUNICODE
          this.stack.push(utf8.decode(this.bytes(this.u8())));
          break;
        case 0x8d: // BINUNICODE8
          this.stack.push(utf8.decode(this.bytes(this.u64())));
          break;
        case 0x42: // BINBYTES
          this.stack.push(this.bytes(this.u32()));
          break;
        case 0x43: // SHORT_BINBYTES
          this.stack.push(this.bytes(this.u8()));
          break;
        case 0x8e: // BINBYTES8
        case 0x96: // BYTEARRAY8
          this.stack.push(this.bytes(this.u64()));
          break;
        case 0x29: // EMPTY_TUPLE
          this.stack.push(new PyTuple([]));
          break;
        case 0x74: // TUPLE
          this.stack.push(new PyTuple(this.popMark()));
          break;
        case 0x85: // TUPLE1
          this.stack.push(new PyTuple([this.pop()]));
          break;
        case 0x86: {
          // TUPLE2
          const y = this.pop();
          this.stack.push(new PyTuple([this.pop(), y]));
          break;
        }
        case 0x87: {
          // TUPLE3
          const z = this.pop();
          const y = this.pop();
          this.stack.push(new PyTuple([this.pop(), y, z]));
          break;
        }
        case 0x5d: // EMPTY_LIST
          this.stack.push([]);
          break;
        case 0x6c: // LIST
          this.stack.push(this.popMark());
          break;
        case 0x61: {
          // APPEND
          const x = this.pop();
          this.append(this.top(), [x]);
          break;
        }
        case 0x65: {
          // APPENDS
          const xs = this.popMark();
          this.append(this.top(), xs);
          break;
        }
        case 0x7d: // EMPTY_DICT
          this.stack.push(new PyDict());
          break;
        case 0x64: {
          // DICT
          const d = new PyDict();
          this.setItems(d, this.popMark());
          this.stack.push(d);
          break;
        }
        case 0x73: {
          // SETITEM
          const v = this.pop();
          const k = this.pop();
          this.setItems(this.top(), [k, v]);
          break;
        }
        case 0x75: {
          // SETITEMS
          const kv = this.popMark();
          this.setItems(this.top(), kv);
          break;
        }
        case 0x8f: // EMPTY_SET
          this.stack.push(new PySet([]));
          break;
        case 0x90: {
          // ADDITEMS
          const xs = this.popMark();
          this.append(this.top(), xs);
          break;
        }
        case 0x91: // FROZENSET
          this.stack.push(new PySet(this.popMark()));
          break;
        case 0x63: {
          // GLOBAL
          const module = this.line();
          this.stack.push(this.global(module, this.line()));
          break;
        }
        case 0x93: {
          // STACK_GLOBAL
          const name = this.pop();
          const module = this.pop();
          if (typeof name !== 'string' || typeof module !== 'string')
            this.fail('STACK_GLOBAL needs two strings', at);
          this.stack.push(this.global(module, name));
          break;
        }
        case 0x52: {
          // REDUCE
          const args = this.pop();
          const fn = this.pop();
          this.stack.push(callGlobal(fn, args instanceof PyTuple ? args.items : [args]));
          break;
        }
        case 0x81: {
          // NEWOBJ: cls.__new__(cls, *args) — whitelisted containers, else a placeholder
          const args = this.pop();
          const cls = this.pop();
          this.stack.push(callGlobal(cls, args instanceof PyTuple ? args.items : []));
          break;
        }
        case 0x92: {
          // NEWOBJ_EX
          this.pop(); // kwargs
          const args = this.pop();
          const cls = this.pop();
          this.stack.push(callGlobal(cls, args instanceof PyTuple ? args.items : []));
          break;
        }
        case 0x6f: {
          // OBJ
          const xs = this.popMark();
          if (xs.length === 0) this.fail('OBJ without a class', at);
          this.stack.push(callGlobal(xs[0]!, xs.slice(1)));
          break;
        }
        case 0x69: {
          // INST
          const module = this.line();
          const name = this.line();
          this.stack.push(callGlobal(this.global(module, name), this.popMark()));
          break;
        }
        case 0x62: {
          // BUILD
          const state = this.pop();
          this.build(this.top(), state);
          break;
        }
        case 0x50: // PERSID
          this.stack.push(this.persistent(this.line()));
          break;
        case 0x51: // BINPERSID
          this.stack.push(this.persistent(this.pop()));
          break;
        case 0x67: // GET
          this.stack.push(this.get(Number(this.line()), at));
          break;
        case 0x68: // BINGET
          this.stack.push(this.get(this.u8(), at));
          break;
        case 0x6a: // LONG_BINGET
          this.stack.push(this.get(this.u32(), at));
          break;
        case 0x70: // PUT
          this.memo.set(Number(this.line()), this.top());
          break;
        case 0x71: // BINPUT
          this.memo.set(this.u8(), this.top());
          break;
        case 0x72: // LONG_BINPUT
          this.memo.set(this.u32(), this.top());
          break;
        case 0x94: // MEMOIZE
          this.memo.set(this.memo.size, this.top());
          break;
        case 0x82: // EXT1
        case 0x83: // EXT2
        case 0x84: {
          // EXT4: extension registry codes name globals; keep them as opaque references
          const code =
            op === 0x82 ? this.u8() : op === 0x83 ? this.view.getUint16(this.need(2), true) : this.u32();
          this.stack.push(new PyGlobal('copyreg', `extension_${code}`));
          break;
        }
        case 0x97: // NEXT_BUFFER
        case 0x98: // READONLY_BUFFER
          this.fail('out-of-band buffers (pickle protocol 5) are not supported', at);
          break;
        default:
          this.fail(`unknown opcode 0x${op.toString(16).padStart(2, '0')}`, at);
      }
    }
  }

  private get(i: number, at: number): PyValue {
    if (!this.memo.has(i)) this.fail(`memo entry ${i} is not defined`, at);
    return this.memo.get(i)!;
  }
}

/** Dict keys: strings and numbers by value, everything else by identity. */
function key(k: PyValue): unknown {
  return k;
}

function parseIntText(s: string): number | bigint | null {
  if (!/^[+-]?\d+$/.test(s.trim())) return null;
  const v = BigInt(s.trim());
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function unquote(s: string): string {
  const m = /^(['"])(.*)\1$/.exec(s);
  return (m ? m[2]! : s).replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) =>
    String.fromCharCode(parseInt(h, 16)),
  );
}

/** Unpickles `bytes` into inert values. Throws a located ModelFormatError on malformed input. */
export function unpickle(bytes: Uint8Array, options: UnpickleOptions = {}): PyValue {
  return new Machine(bytes, options).run();
}

/** Unpickles one pickle starting at `start` of a stream of several; returns the value and where it ended. */
export function unpickleAt(
  bytes: Uint8Array,
  start: number,
  options: UnpickleOptions = {},
): { value: PyValue; end: number } {
  const m = new Machine(bytes, options, start);
  const value = m.run();
  return { value, end: m.pos };
}
