/** The Explain worker: tfjs (wasm) runs here so the page stays responsive; one ExplainEngine per worker. */
import type { ExplainEnvelope, ExplainReply, ExplainRequest } from './protocol.js';
import { ExplainEngine } from './worker/engine.js';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ExplainEnvelope>) => void) | null;
  postMessage(msg: ExplainReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const engine = new ExplainEngine();

async function handle(
  id: number,
  req: ExplainRequest,
): Promise<{ result: unknown; transfer: Transferable[] }> {
  switch (req.type) {
    case 'load':
      return { result: await engine.load(req.name, req.bytes, req.sidecars, req.backend), transfer: [] };
    case 'run': {
      const r = engine.run(req.image, req.preprocess);
      const transfer = [
        r.input.data.buffer,
        r.output.buffer,
        ...(r.logits ? [r.logits.buffer] : []),
        ...Object.values(r.taps).map((t) => t.buffer),
      ];
      return { result: r, transfer: [...new Set(transfer)] as Transferable[] };
    }
    case 'attribute': {
      const progress = (done: number, total: number): void =>
        scope.postMessage({ id, progress: { done, total } });
      const r = await engine.attribute(req, progress);
      return { result: r, transfer: [r.heatmap.buffer as ArrayBuffer] };
    }
    case 'weights':
      return { result: engine.weights(req.value), transfer: [] };
    case 'cancel':
      engine.cancel();
      return { result: null, transfer: [] };
  }
}

scope.onmessage = (e) => {
  const { id, request } = e.data;
  handle(id, request).then(
    ({ result, transfer }) => scope.postMessage({ id, ok: true, result }, transfer),
    (err: unknown) => {
      const error = err instanceof Error ? err : new Error(String(err));
      scope.postMessage({ id, ok: false, error: { message: error.message, name: error.name } });
    },
  );
};
