/** Runs nodes: one node (with its error wrapped to name it), or a list of nodes with early disposal of dead values. */
import * as tf from '@tensorflow/tfjs';
import type { Node } from '@nnlens/ir';
import { NodeExecutionError, RuntimeError } from './errors.js';
import { sizeOf, type HostTensor } from './host.js';
import { OpContext } from './op-context.js';
import { opImpl } from './ops/index.js';
import { applyActivation, fusedActivation, PRE_ACTIVATION } from './ops/activation.js';
import type { Program } from './program.js';
import { logicalShape, toHost, type RValue } from './rvalue.js';

/** Where a node's inputs come from. */
export type Lookup = (name: string) => RValue | undefined;

/** Executes one node; errors other than the runtime's own become NodeExecutionError naming the node. */
export function runNode(program: Program, node: Node, lookup: Lookup): (RValue | null)[] {
  const impl = opImpl(node.domain, node.op);
  const name = node.name || `#${node.index}`;
  if (!impl) throw new NodeExecutionError(node.op, name, 'no implementation');
  const constants: (HostTensor | undefined)[] = node.inputs.map((v) =>
    v ? program.constants.get(v.name) : undefined,
  );
  const resolve = (i: number): RValue | undefined => {
    const v = node.inputs[i];
    return v ? lookup(v.name) : undefined;
  };
  const ctx = new OpContext(node, program.opset, resolve, constants, program.cacheOf(node));
  for (let i = 0; i < node.inputs.length; i++) {
    const v = node.inputs[i];
    if (v && !constants[i] && !lookup(v.name)) throw ctx.error(`input '${v.name}' has not been computed`);
  }
  try {
    const outs = impl(ctx);
    const act = fusedActivation(node);
    const first = outs[0];
    if (act && first?.kind === 'tensor') {
      outs[0] = { ...first, tensor: applyActivation(act, first.tensor) };
      // The logits before a fused softmax stay available (attributions explain pre-softmax scores).
      if (act.includes('softmax')) outs[node.outputs.length] = first;
    }
    return outs;
  } catch (e) {
    if (e instanceof RuntimeError) throw e;
    throw ctx.error(e instanceof Error ? e.message : String(e), e);
  }
}

/** Options of runNodes(). */
export interface RunNodesOptions {
  /** Values to keep after the run (true = all); others are disposed once their last consumer ran. */
  keep: Set<string> | true;
  /** Called after each node with its outputs (for progress or instrumentation). */
  onNode?: (node: Node) => void;
  /** Values computed earlier (a trace) that the nodes may read; never disposed here. */
  fallback?: Lookup;
}

function tensorsOf(outs: (RValue | null)[]): tf.Tensor[] {
  const list: tf.Tensor[] = [];
  for (const v of outs) if (v?.kind === 'tensor') list.push(v.tensor);
  return list;
}

/**
 * Runs `nodes` in order, reading inputs from `env` (then the program's constants) and writing outputs
 * to `env`. A node whose inputs are all host values computes shape arithmetic: its small outputs go back
 * to the host so later Reshape/Slice arguments need no backend round trip.
 */
export function runNodes(
  program: Program,
  nodes: Node[],
  env: Map<string, RValue>,
  opts: RunNodesOptions,
): void {
  const fallback = opts.fallback;
  const lookup: Lookup = (n) => env.get(n) ?? fallback?.(n) ?? program.constantValue(n);
  const remaining = new Map<string, number>();
  if (opts.keep !== true) {
    for (const node of nodes) {
      for (const v of node.inputs)
        if (v && !env.has(v.name)) remaining.set(v.name, (remaining.get(v.name) ?? 0) + 1);
    }
  }
  const produced = new Set<string>();
  for (const node of nodes) {
    let outs: (RValue | null)[] = [];
    tf.tidy(() => {
      outs = runNode(program, node, lookup);
      const inputsOnHost = node.inputs.every((v) => !v || lookup(v.name)?.kind !== 'tensor');
      outs = outs.map((v, i) => {
        if (!v || v.kind === 'host' || !node.outputs[i]) return v;
        // Never alias an input's tensor: each value is disposed on its own.
        const aliased = node.inputs.some((x) => {
          const inp = x ? lookup(x.name) : undefined;
          return inp?.kind === 'tensor' && inp.tensor === v.tensor;
        });
        if (aliased) return { ...v, tensor: tf.clone(v.tensor) };
        if (inputsOnHost && sizeOf(logicalShape(v)) <= 4096) return { kind: 'host', host: toHost(v) };
        return v;
      });
      return tensorsOf(outs);
    });
    node.outputs.forEach((v, i) => {
      const out = outs[i];
      if (v && out) {
        env.set(v.name, out);
        produced.add(v.name);
      } else if (out?.kind === 'tensor') out.tensor.dispose();
    });
    for (let i = node.outputs.length; i < outs.length; i++) {
      const extra = outs[i];
      const first = node.outputs[0];
      if (i === node.outputs.length && extra && first) {
        env.set(first.name + PRE_ACTIVATION, extra);
        produced.add(first.name + PRE_ACTIVATION);
      } else if (extra?.kind === 'tensor') extra.tensor.dispose();
    }
    opts.onNode?.(node);
    if (opts.keep === true) continue;
    for (const v of node.inputs) {
      if (!v || !produced.has(v.name)) continue;
      const left = (remaining.get(v.name) ?? 1) - 1;
      remaining.set(v.name, left);
      if (left <= 0 && !opts.keep.has(v.name)) {
        const dead = env.get(v.name);
        if (dead?.kind === 'tensor') dead.tensor.dispose();
        env.delete(v.name);
      }
    }
  }
  if (opts.keep === true) return;
  // Outputs nobody reads and nobody asked for.
  for (const name of produced) {
    if (remaining.has(name) || opts.keep.has(name)) continue;
    const v = env.get(name);
    if (v?.kind === 'tensor') v.tensor.dispose();
    env.delete(name);
  }
}
