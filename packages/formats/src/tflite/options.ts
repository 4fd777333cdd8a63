/** Builtin operator options → plain values by reflecting over the generated option table classes (every op, no per-op code). */
import { checked, corrupt, type Table } from './flat.js';
import {
  ActivationFunctionType,
  MirrorPadMode,
  Padding,
  unionToBuiltinOptions,
  unionToBuiltinOptions2,
  type Operator,
} from './generated/tflite-schema.js';

/** An option value: a number, boolean, string, or list of numbers. */
export type OptionValue = number | boolean | string | number[];

// Vectors in option tables are short (squeeze dims, new shapes); longer ones are cut.
const MAX_VECTOR = 4096;
const ENUMS: Record<string, Record<number, string>> = {
  padding: Padding as unknown as Record<number, string>,
  fused_activation_function: ActivationFunctionType as unknown as Record<number, string>,
  mode: MirrorPadMode as unknown as Record<number, string>,
};

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

type Getter = (this: unknown, ...args: unknown[]) => unknown;

/** All scalar, string and numeric-vector fields of one options table, snake_cased as in the schema. */
function fields(table: Table, where: string): Record<string, OptionValue> {
  checked(table, where);
  const out: Record<string, OptionValue> = {};
  const proto = Object.getPrototypeOf(table) as Record<string, unknown>;
  const names = Object.getOwnPropertyNames(proto).filter(
    (n) => n !== 'constructor' && !n.startsWith('__') && typeof proto[n] === 'function',
  );
  const cap = table.bb!.capacity();
  for (const n of names) {
    if (n.endsWith('Length') || n.endsWith('Array')) continue;
    // A union's type tag: the union itself is skipped below (it needs an object to fill).
    if (n.endsWith('Type') && typeof proto[n.slice(0, -4)] === 'function') continue;
    const fn = proto[n] as Getter;
    const lengthFn = proto[`${n}Length`] as Getter | undefined;
    try {
      if (lengthFn) {
        const len = lengthFn.call(table) as number;
        if (!(len >= 0 && len <= cap)) throw corrupt(`${where}.${snake(n)}`, table.bb_pos);
        const vals: number[] = [];
        for (let i = 0; i < Math.min(len, MAX_VECTOR); i++) {
          const v = fn.call(table, i);
          if (typeof v === 'number') vals.push(v);
          else if (typeof v === 'bigint') vals.push(Number(v));
        }
        out[snake(n)] = vals;
        continue;
      }
      if (fn.length > 1) continue;
      const v = fn.call(table);
      const key = snake(n);
      if (typeof v === 'number' && ENUMS[key]?.[v] !== undefined) out[key] = ENUMS[key][v]!;
      else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out[key] = v;
      else if (typeof v === 'bigint') out[key] = Number(v);
    } catch (e) {
      if (e instanceof Error && e.name === 'ModelFormatError') throw e;
      // nested tables and unions without an object to fill: not shown
    }
  }
  return out;
}

/** The operator's builtin options (and builtin_options_2) as plain values; {} when it has none. */
export function builtinOptions(op: Operator, where: string): Record<string, OptionValue> {
  let out: Record<string, OptionValue> = {};
  const t1 = op.builtinOptionsType();
  if (t1) {
    const table = unionToBuiltinOptions(t1, (o) => op.builtinOptions(o)) as Table | null;
    if (table) out = fields(table, `${where}.builtin_options`);
  }
  const t2 = op.builtinOptions2Type();
  if (t2) {
    const table = unionToBuiltinOptions2(t2, (o) => op.builtinOptions2(o)) as Table | null;
    if (table) out = { ...out, ...fields(table, `${where}.builtin_options_2`) };
  }
  return out;
}
