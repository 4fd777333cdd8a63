/** Runs TorchScript `forward` code symbolically: module calls are inlined, each `torch.<op>` becomes an IR node. */
import { addNode, ensureValue, type Attribute, type Graph, type Tensor, type Value } from '@nnlens/ir';
import { ATEN, type AtenCall } from './aten.js';
import { PyObject, PyTuple, TorchTensor, dictEntries, type PyValue } from './py-objects.js';
import type { Expr, Method, ScriptClass } from './script-ast.js';
import { Unsupported, type Const, type Sym } from './script-values.js';

/** Deepest module-call nesting followed. */
const MAX_CALL_DEPTH = 64;
/** Most nodes one archive may produce (hostile code cannot loop, but can be long). */
const MAX_NODES = 200_000;

/** Everything the interpreter needs. */
export interface ScriptEnv {
  graph: Graph;
  classes: Map<string, ScriptClass>;
  /** Initializer value of each module tensor. */
  params: Map<TorchTensor, Value>;
  /** `CONSTANTS.cN` tensors (constants.pkl), as initializer values. */
  constants: Value[];
  /** Non-fatal problems. */
  warn(message: string): void;
}

/** The exporter-style scope names of a module path: ['layer1','0','conv1'] → ['layer1','layer1.0','conv1']. */
export function scopeNames(path: string[]): string[] {
  const out: string[] = [];
  for (const p of path) out.push(/^\d+$/.test(p) && out.length ? `${out[out.length - 1]}.${p}` : p);
  return out;
}

function toConst(v: PyValue): Const | undefined {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

class Runner {
  private depth = 0;
  private readonly used = new Set<string>();
  private constCount = 0;

  constructor(private readonly env: ScriptEnv) {}

  private unique(base: string): string {
    let n = base;
    for (let k = 1; this.used.has(n) || this.env.graph.values.has(n); k++) n = `${base}_${k}`;
    this.used.add(n);
    return n;
  }

  private attribute(obj: PyObject, name: string, path: string[]): Sym {
    const entry = (dictEntries(obj.state) ?? []).find(([k]) => k === name);
    if (!entry) throw new Unsupported(`module '${path.join('.') || '(root)'}' has no attribute '${name}'`);
    const v = entry[1];
    if (v instanceof TorchTensor) {
      const p = this.env.params.get(v);
      if (!p) throw new Unsupported(`tensor '${name}' is not a known parameter`);
      return { k: 'tensor', v: p };
    }
    if (v instanceof PyObject) return { k: 'module', obj: v, path: [...path, name] };
    const c = toConst(v);
    if (c !== undefined) return { k: 'const', v: c };
    if (Array.isArray(v) || v instanceof PyTuple) {
      const items = (Array.isArray(v) ? v : v.items).map(toConst);
      if (items.every((x) => x !== undefined)) return { k: 'const', v: items as Const[] };
    }
    throw new Unsupported(`attribute '${name}' has an unsupported type`);
  }

  /** Runs `method` of the module `self`; returns the value of its `return`. */
  call(self: Extract<Sym, { k: 'module' }>, methodName: string, args: Sym[]): Sym {
    const cls = this.env.classes.get(self.obj.cls.qualified);
    const method: Method | undefined = cls?.methods.get(methodName);
    if (!method) throw new Unsupported(`no code for ${self.obj.cls.qualified}.${methodName}`);
    if (++this.depth > MAX_CALL_DEPTH) throw new Unsupported('module calls nest too deeply');
    try {
      const scope = new Map<string, Sym>([['self', self]]);
      method.params.forEach((p, i) => scope.set(p, args[i] ?? { k: 'const', v: null }));
      for (const st of method.body) {
        if (st.k === 'other')
          throw new Unsupported(
            `statement '${st.text}' (line ${st.line} of ${self.obj.cls.qualified}) is not a plain call`,
          );
        const v = this.eval(st.value, scope, self);
        if (st.k === 'return') return v;
        if (st.targets.length === 1) scope.set(st.targets[0]!, v);
        else {
          if (v.k !== 'list' || v.items.length !== st.targets.length)
            throw new Unsupported('tuple unpacking of a non-tuple');
          st.targets.forEach((t, i) => scope.set(t, v.items[i]!));
        }
      }
      return { k: 'const', v: null };
    } finally {
      this.depth--;
    }
  }

  private eval(e: Expr, scope: Map<string, Sym>, self: Extract<Sym, { k: 'module' }>): Sym {
    switch (e.k) {
      case 'num':
        return { k: 'const', v: e.v };
      case 'str':
        return { k: 'const', v: e.v };
      case 'const':
        return { k: 'const', v: e.v };
      case 'list':
      case 'tuple':
        return this.list(e.items.map((x) => this.eval(x, scope, self)));
      case 'name': {
        const v = scope.get(e.id);
        if (v) return v;
        if (
          [
            'torch',
            'ops',
            'CONSTANTS',
            'annotate',
            'int',
            'float',
            'bool',
            'getattr',
            'uninitialized',
          ].includes(e.id)
        )
          return { k: 'ns', path: e.id };
        throw new Unsupported(`name '${e.id}' is not defined`);
      }
      case 'attr': {
        const o = this.eval(e.obj, scope, self);
        if (o.k === 'module') return this.attribute(o.obj, e.name, o.path);
        if (o.k === 'ns' && o.path === 'CONSTANTS') {
          const c = this.env.constants[Number(e.name.replace(/^c/, ''))];
          if (!c) throw new Unsupported(`CONSTANTS.${e.name} is missing`);
          return { k: 'tensor', v: c };
        }
        if (o.k === 'ns') return { k: 'ns', path: `${o.path}.${e.name}` };
        throw new Unsupported(`attribute '${e.name}' of a ${o.k}`);
      }
      case 'call':
        return this.callExpr(e, scope, self);
      case 'index': {
        const o = this.eval(e.obj, scope, self);
        const i = this.eval(e.index, scope, self);
        if (o.k === 'list' && i.k === 'const' && typeof i.v === 'number')
          return o.items[i.v < 0 ? o.items.length + i.v : i.v] ?? this.fail('index out of range');
        throw new Unsupported('indexing a value that is not a constant list');
      }
      case 'unary': {
        const x = this.eval(e.x, scope, self);
        if (e.op === '-' && x.k === 'const' && typeof x.v === 'number') return { k: 'const', v: -x.v };
        throw new Unsupported(`operator ${e.op} on a ${x.k}`);
      }
      case 'binop':
        throw new Unsupported(`arithmetic (${e.op}) in the code`);
    }
  }

  private fail(m: string): never {
    throw new Unsupported(m);
  }

  private list(items: Sym[]): Sym {
    return { k: 'list', items };
  }

  private callExpr(
    e: Extract<Expr, { k: 'call' }>,
    scope: Map<string, Sym>,
    self: Extract<Sym, { k: 'module' }>,
  ): Sym {
    const args = e.args.map((a) => this.eval(a, scope, self));
    const kwargs = new Map(e.kwargs.map(([k, v]) => [k, this.eval(v, scope, self)] as const));
    if (e.fn.k === 'attr') {
      const target = this.eval(e.fn.obj, scope, self);
      if (target.k === 'module') return this.call(target, e.fn.name, args);
    }
    const fn = this.eval(e.fn, scope, self);
    if (fn.k !== 'ns') throw new Unsupported(`calling a ${fn.k}`);
    const path = fn.path;
    if (path === 'getattr') {
      const [obj, name] = args;
      if (obj?.k === 'module' && name?.k === 'const' && typeof name.v === 'string')
        return this.attribute(obj.obj, name.v, obj.path);
      throw new Unsupported('getattr on a non-module');
    }
    if (path === 'annotate') return args[1] ?? { k: 'const', v: null };
    if (path === 'int' || path === 'float' || path === 'bool' || path === 'ops.prim.NumToTensor')
      return args[0] ?? { k: 'const', v: null };
    if (path === 'torch.size') {
      const [x, d] = args;
      if (x?.k === 'tensor' && d?.k === 'const' && typeof d.v === 'number')
        return { k: 'size', of: x.v, dim: d.v };
      throw new Unsupported('torch.size without a constant dim');
    }
    const m =
      /^(?:torch|ops\.aten)\.([A-Za-z_0-9]+)$/.exec(path) ??
      /^torch\.nn\.functional\.([A-Za-z_0-9]+)$/.exec(path);
    if (!m) throw new Unsupported(`call of '${path}'`);
    return this.aten(m[1]!, args, kwargs, self);
  }

  private aten(
    rawName: string,
    args: Sym[],
    kwargs: Map<string, Sym>,
    self: Extract<Sym, { k: 'module' }>,
  ): Sym {
    const name = rawName.endsWith('_') && !rawName.startsWith('_') ? rawName.slice(0, -1) : rawName;
    const scopes = scopeNames(self.path);
    const emit = (
      op: string,
      inputs: (Value | null)[],
      attrs: Attribute[] = [],
      outputs = 1,
      domain = '',
    ): Sym[] => {
      if (this.env.graph.nodes.length >= MAX_NODES)
        throw new Unsupported(`more than ${MAX_NODES} operations`);
      const nodeName = this.unique(`/${[...scopes, op].join('/')}`);
      const outs = Array.from({ length: outputs }, (_, i) =>
        ensureValue(this.env.graph, this.unique(`${nodeName}_output_${i}`)),
      );
      addNode(this.env.graph, { name: nodeName, op, domain, inputs, outputs: outs, attributes: attrs });
      return outs.map((v) => ({ k: 'tensor', v }));
    };
    const call: AtenCall = {
      name,
      args,
      kwargs,
      emit,
      constant: (values, dims, dtype) => {
        const t: Tensor = {
          name: `const_${this.constCount++}`,
          dtype,
          shape: dims,
          storage: { kind: 'values', values },
        };
        const [out] = emit('Constant', [], [{ name: 'value', kind: 'tensor', value: t }]);
        return (out as { v: Value }).v;
      },
    };
    const mapper = ATEN[name];
    if (mapper) {
      const out = mapper(call);
      return out.length === 1 ? out[0]! : this.list(out);
    }
    // Unknown op: keep the graph connected, with unknown output shapes.
    this.env.warn(`torch.${rawName} has no mapping: shown as pytorch:${name} with unknown output shapes`);
    const inputs = [...args, ...kwargs.values()].flatMap((s) =>
      s.k === 'tensor'
        ? [s.v]
        : s.k === 'list'
          ? s.items.flatMap((x) => (x.k === 'tensor' ? [x.v] : []))
          : [],
    );
    const attrs: Attribute[] = [];
    for (const [k, s] of kwargs) if (s.k === 'const') attrs.push({ name: k, kind: 'json', value: s.v });
    return emit(name, inputs, attrs, 1, 'pytorch')[0]!;
  }
}

/** Runs the root module's `forward` on graph inputs named after its parameters; returns the outputs. */
export function runForward(env: ScriptEnv, root: PyObject): Value[] {
  const cls = env.classes.get(root.cls.qualified);
  const forward = cls?.methods.get('forward');
  if (!forward) throw new Unsupported(`no forward code for ${root.cls.qualified}`);
  const inputs = forward.params.map((p) => {
    const v = ensureValue(env.graph, p, 'float32');
    env.graph.inputs.push(v);
    return { k: 'tensor', v } as Sym;
  });
  const out = new Runner(env).call({ k: 'module', obj: root, path: [] }, 'forward', inputs);
  const flat = out.k === 'list' ? out.items : [out];
  const values = flat.flatMap((s) => (s.k === 'tensor' ? [s.v] : []));
  if (values.length === 0) throw new Unsupported('forward returns no tensor');
  return values;
}
