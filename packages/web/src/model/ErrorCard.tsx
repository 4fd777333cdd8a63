/** A clear message card for a file that could not be opened. */
import { useModelState } from '../app/model-context.js';

/** Shows the error of the last open, with what to try next. */
export function ErrorCard({ name, title, message }: { name: string; title: string; message: string }) {
  const { model } = useModelState();
  return (
    <div className="center-stage">
      <div className="message-card error" role="alert" data-testid="error-card">
        <div className="message-icon" aria-hidden="true">
          !
        </div>
        <h2>{title}</h2>
        {name && <p className="file-name mono">{name}</p>}
        <p className="detail">{message}</p>
        <p className="hint">
          nnlens reads ONNX (with <code>.onnx.data</code> external data), Keras (<code>.h5</code>,{' '}
          <code>.keras</code>), TensorFlow Lite, TF.js, Caffe and TorchScript files. Drop another file
          anywhere on the page, or use <strong>Open</strong>.
        </p>
        {model && <p className="hint">The previous model was closed.</p>}
      </div>
    </div>
  );
}
