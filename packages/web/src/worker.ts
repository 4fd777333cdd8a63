/** The model worker: parses, analyzes and lays out off the main thread; the Model never leaves it. */
import type { ReplyEnvelope, RequestEnvelope, WorkerRequest, WorkerResults } from './shared/protocol.js';
import { drawModelDiagram, drawSpecDiagram } from './worker/diagram.js';
import { prepareModelSource } from './worker/engine.js';
import { WorkerError, toFailure } from './worker/errors.js';
import { ModelSession } from './worker/session.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<RequestEnvelope>) => void) | null;
  postMessage(msg: ReplyEnvelope, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
let session: ModelSession | null = null;

function need(): ModelSession {
  if (!session) throw new WorkerError('no model is open', 'internal');
  return session;
}

async function handle(req: WorkerRequest): Promise<{
  result: WorkerResults[keyof WorkerResults];
  transfer: Transferable[];
}> {
  switch (req.type) {
    case 'open': {
      session = null;
      const sidecars = new Map(req.sidecars.map(([k, b]) => [k, new Uint8Array(b)]));
      const bytes = new Uint8Array(req.bytes);
      // Some importers load their reader first (Keras HDF5 through wasm); a no-op for ONNX.
      await prepareModelSource({ name: req.name, bytes, sidecars });
      const opened = ModelSession.open(req.name, bytes, sidecars);
      session = opened.session;
      return { result: opened.result, transfer: [] };
    }
    case 'openSynthetic': {
      session = null;
      const opened = ModelSession.synthetic(req.nodes);
      session = opened.session;
      return { result: opened.result, transfer: [] };
    }
    case 'layout':
      return { result: need().layout(req.path, req.expanded), transfer: [] };
    case 'graph':
      return { result: need().graph(req.path), transfer: [] };
    case 'tensorStats':
      return { result: need().tensorStats(req.path, req.value), transfer: [] };
    case 'tensorNpy': {
      const r = need().tensorNpy(req.path, req.value);
      return { result: r, transfer: [r.bytes] };
    }
    case 'attachData':
      return {
        result: need().attachData(new Map(req.files.map(([k, b]) => [k, new Uint8Array(b)]))),
        transfer: [],
      };
    case 'drawDiagram':
      return { result: await drawModelDiagram(session?.diagramSource() ?? null, req.options), transfer: [] };
    case 'drawSpec':
      return { result: await drawSpecDiagram(req.text, req.file, req.options), transfer: [] };
  }
}

const wallClock = (): number => performance.timeOrigin + performance.now();

async function run({ id, request }: RequestEnvelope): Promise<void> {
  const startedAt = wallClock();
  try {
    const { result, transfer } = await handle(request);
    // Open replies carry wall-clock marks so the page can tell message latency from work.
    if ('timings' in result) Object.assign(result.timings, { startedAt, repliedAt: wallClock() });
    scope.postMessage({ id, ok: true, result }, transfer);
  } catch (err) {
    scope.postMessage({ id, ok: false, error: toFailure(err) });
  }
}

// One request at a time, in order: a re-layout must not run while an open is still loading its reader.
let queue = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => run(e.data));
};
