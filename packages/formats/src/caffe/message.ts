/** A decoded protobuf message (from text or binary), with typed accessors that report where a bad value is. */
import { caffeError, type Where } from './errors.js';

/** A field value: numbers, strings (also enum names and text-format identifiers), sub-messages, raw bytes. */
export type PbValue = number | string | PbMessage | Uint8Array;

/** One occurrence of a field, with where it was read. */
export interface PbField {
  name: string;
  value: PbValue;
  where: Where;
}

const TRUE = new Set(['true', 'True', 't', '1']);
const FALSE = new Set(['false', 'False', 'f', '0']);

/** A message: its fields in file order (repeated fields occur several times). */
export class PbMessage {
  readonly fields: PbField[] = [];

  constructor(readonly where: Where = {}) {}

  /** Every occurrence of `name`, in order. */
  all(name: string): PbField[] {
    return this.fields.filter((f) => f.name === name);
  }

  /** The last occurrence of `name` (protobuf: a repeated singular field keeps the last value). */
  last(name: string): PbField | undefined {
    for (let i = this.fields.length - 1; i >= 0; i--)
      if (this.fields[i]!.name === name) return this.fields[i];
    return undefined;
  }

  /** True when the field occurs. */
  has(name: string): boolean {
    return this.fields.some((f) => f.name === name);
  }

  /** A sub-message, or undefined. */
  sub(name: string): PbMessage | undefined {
    const f = this.last(name);
    if (!f) return undefined;
    if (!(f.value instanceof PbMessage)) throw caffeError(`'${name}' must be a message`, f.where);
    return f.value;
  }

  /** Every sub-message called `name`. */
  subs(name: string): PbMessage[] {
    return this.all(name).map((f) => {
      if (!(f.value instanceof PbMessage)) throw caffeError(`'${name}' must be a message`, f.where);
      return f.value;
    });
  }

  /** A number field (default when absent). */
  num(name: string, def: number): number;
  num(name: string): number | undefined;
  num(name: string, def?: number): number | undefined {
    const f = this.last(name);
    return f ? asNumber(f) : def;
  }

  /** Every value of a repeated number field. */
  nums(name: string): number[] {
    return this.all(name).map(asNumber);
  }

  /** A string or enum field (default when absent). */
  str(name: string, def: string): string;
  str(name: string): string | undefined;
  str(name: string, def?: string): string | undefined {
    const f = this.last(name);
    return f ? asString(f) : def;
  }

  /** Every value of a repeated string field. */
  strs(name: string): string[] {
    return this.all(name).map(asString);
  }

  /** A bool field (default when absent). */
  bool(name: string, def: boolean): boolean {
    const f = this.last(name);
    if (!f) return def;
    const v = typeof f.value === 'number' ? String(f.value) : f.value;
    if (typeof v === 'string' && TRUE.has(v)) return true;
    if (typeof v === 'string' && FALSE.has(v)) return false;
    throw caffeError(`'${name}' must be true or false`, f.where);
  }
}

function asNumber(f: PbField): number {
  const v = f.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?(inf|infinity|nan)$/i.test(v)) {
    return /nan/i.test(v) ? NaN : v.startsWith('-') ? -Infinity : Infinity;
  }
  throw caffeError(`'${f.name}' must be a number, found ${describe(v)}`, f.where);
}

function asString(f: PbField): string {
  const v = f.value;
  if (typeof v === 'string') return v;
  throw caffeError(`'${f.name}' must be a string, found ${describe(v)}`, f.where);
}

function describe(v: PbValue): string {
  if (v instanceof PbMessage) return 'a message';
  if (v instanceof Uint8Array) return `${v.length} bytes`;
  return JSON.stringify(v).slice(0, 40);
}
