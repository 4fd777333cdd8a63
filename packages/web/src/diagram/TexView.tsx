/** The TikZ style's output: LaTeX source with line numbers, a copy button and a note on compiling it. */
import { useEffect, useState } from 'react';

/** Copies text to the clipboard; falls back to a hidden textarea where the Clipboard API is not allowed. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

/** The LaTeX text. */
export function TexView(props: { tex: string; figureId: number; dimmed: boolean; onShown: () => void }) {
  const { tex, figureId, dimmed, onShown } = props;
  const [copied, setCopied] = useState(false);
  useEffect(onShown, [figureId, onShown]);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1600);
    return () => clearTimeout(t);
  }, [copied]);
  const lines = tex.replace(/\n$/, '').split('\n');
  return (
    <div className={`dg-tex${dimmed ? ' dimmed' : ''}`}>
      <div className="dg-tex-bar">
        <span className="muted small">
          Standalone LaTeX · compile with <code>pdflatex</code> (TikZ, no extra packages)
        </span>
        <button
          className="btn small"
          data-testid="diagram-copy-tex"
          onClick={() => void copyText(tex).then(() => setCopied(true))}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre className="dg-code" data-testid="diagram-tex">
        {lines.map((l, i) => (
          <div key={i} className="dg-code-line">
            <span className="dg-ln" aria-hidden="true">
              {i + 1}
            </span>
            <span>{l || ' '}</span>
          </div>
        ))}
      </pre>
    </div>
  );
}
