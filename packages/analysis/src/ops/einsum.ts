/** Einsum: output shape from the equation (explicit or implicit output, with ellipsis) and MACs. */
import type { Dim, Shape } from '@nnlens/ir';
import { attrString } from '../attrs.js';
import { broadcastShapes } from '../broadcast.js';
import { RuleError } from '../errors.js';
import type { OpRule } from '../rule.js';

interface Parsed {
  /** Size of each letter. */
  sizes: Map<string, Dim>;
  /** Broadcast shape of the '...' part. */
  ellipsis: Dim[];
  /** Output letters; '.' stands for the ellipsis dims. */
  output: string[];
}

function terms(s: string): string[][] {
  return s.split(',').map((t) => {
    const letters: string[] = [];
    const clean = t.trim().replace('...', '.');
    for (const ch of clean) if (ch !== ' ') letters.push(ch);
    return letters;
  });
}

function parse(equation: string, shapes: readonly Shape[]): Parsed | null {
  const [lhs, rhs] = equation.split('->');
  const ins = terms(lhs ?? '');
  if (ins.length !== shapes.length)
    throw new RuleError(`equation has ${ins.length} operands, node has ${shapes.length}`);
  const sizes = new Map<string, Dim>();
  const counts = new Map<string, number>();
  const ells: Shape[] = [];
  for (let i = 0; i < ins.length; i++) {
    const shape = shapes[i];
    const letters = ins[i] as string[];
    if (!shape) return null;
    const explicit = letters.filter((l) => l !== '.').length;
    const ellRank = shape.length - explicit;
    if (ellRank < 0 || (ellRank > 0 && !letters.includes('.'))) {
      throw new RuleError(
        `operand ${i} has rank ${shape.length}, equation term '${letters.join('')}' does not match`,
      );
    }
    let k = 0;
    for (const l of letters) {
      if (l === '.') {
        ells.push(shape.slice(k, k + ellRank));
        k += ellRank;
        continue;
      }
      const d = shape[k++] ?? null;
      const prev = sizes.get(l);
      // A size-1 dim broadcasts against the same letter elsewhere.
      if (prev === undefined || prev === 1 || prev === null) sizes.set(l, d);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
  }
  const ellipsis = (broadcastShapes(ells) ?? []) as Dim[];
  const output =
    rhs !== undefined
      ? (terms(rhs)[0] ?? [])
      : [
          ...(ells.length ? ['.'] : []),
          ...[...counts]
            .filter(([, n]) => n === 1)
            .map(([l]) => l)
            .sort(),
        ];
  return { sizes, ellipsis, output };
}

/** Rule of Einsum. */
export const einsumRules: Record<string, OpRule> = {
  Einsum: {
    infer(ctx) {
      const shapes: Shape[] = [];
      for (let i = 0; i < ctx.inputCount; i++) shapes.push(ctx.shape(i));
      const p = parse(attrString(ctx.node, 'equation', ''), shapes);
      if (!p) return ctx.output(0, ctx.dtype(0), null);
      const out: Dim[] = [];
      for (const l of p.output) {
        if (l === '.') out.push(...p.ellipsis);
        else if (p.sizes.has(l)) out.push(p.sizes.get(l) ?? null);
        else throw new RuleError(`output letter '${l}' is not in any input`);
      }
      ctx.output(0, ctx.dtype(0), out);
    },
    // A contraction visits every combination of all letters once: the product of their sizes.
    macs(c) {
      if (c.node.inputs.length < 2) return 0;
      const shapes: Shape[] = c.node.inputs.map((_, i) => c.inShape(i));
      const p = parse(attrString(c.node, 'equation', ''), shapes);
      if (!p) return null;
      let n = 1;
      for (const d of [...p.sizes.values(), ...p.ellipsis]) n *= typeof d === 'number' ? d : 1;
      return n;
    },
  },
};
