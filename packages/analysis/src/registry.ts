/** The per-op rule table: built-in ONNX rules plus whatever other importers register. */
import type { OpRule } from './rule.js';
import { builtinRules } from './ops/index.js';
import { caffeRules } from './ops/caffe.js';
import { pytorchRules } from './ops/pytorch.js';

const table = new Map<string, OpRule>();

function key(op: string, domain: string): string {
  // ONNX spells the default domain both '' and 'ai.onnx'.
  return `${domain === 'ai.onnx' ? '' : domain}:${op}`;
}

for (const [op, rule] of Object.entries(builtinRules)) table.set(key(op, ''), rule);
for (const [op, rule] of Object.entries(caffeRules)) table.set(key(op, 'caffe'), rule);
for (const [op, rule] of Object.entries(pytorchRules)) table.set(key(op, 'pytorch'), rule);

/** Adds or replaces the rule of `op` in `domain` (default: the ONNX domain). */
export function registerOpRule(op: string, rule: OpRule, domain = ''): void {
  table.set(key(op, domain), rule);
}

/** The rule of `op` in `domain`, if any. */
export function getOpRule(op: string, domain = ''): OpRule | undefined {
  return table.get(key(op, domain));
}

/** Names of all ops with a rule, as `domain:op` (default domain = ''). */
export function registeredOps(): string[] {
  return [...table.keys()].sort();
}
