/** The top bar: wordmark, page tabs, the open file's name, and the Open button. */
import { useRef } from 'react';
import { modelStore, useModelState } from './model-context.js';
import { PAGES } from './pages.js';
import { navigate } from './router.js';

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#1e293b" />
      <path d="M10 10L22 16L10 22" stroke="#cbd5e1" strokeWidth="1.6" fill="none" />
      <circle cx="10" cy="10" r="3.2" fill="#60a5fa" />
      <circle cx="22" cy="16" r="3.2" fill="#f472b6" />
      <circle cx="10" cy="22" r="3.2" fill="#34d399" />
    </svg>
  );
}

/** The bar across the top of every page. */
export function TopBar({ current }: { current: string }) {
  const input = useRef<HTMLInputElement>(null);
  const { model, status } = useModelState();
  const fileName = model?.info.fileName ?? (status.kind === 'loading' ? status.name : '');
  return (
    <header className="topbar">
      <a className="wordmark" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
        <Logo />
        <span>nnlens</span>
      </a>
      <nav className="tabs" aria-label="Pages">
        {PAGES.map((p) => (
          <a
            key={p.id}
            href={p.paths[0]}
            className={p.id === current ? 'tab active' : 'tab'}
            aria-current={p.id === current ? 'page' : undefined}
            onClick={(e) => (e.preventDefault(), navigate(p.paths[0]!))}
          >
            {p.label}
          </a>
        ))}
      </nav>
      <div className="topbar-file" title={fileName}>
        {fileName}
      </div>
      <button className="btn primary" onClick={() => input.current?.click()}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M2 4.5A1.5 1.5 0 0 1 3.5 3h3l1.5 1.5h4.5A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.4"
          />
        </svg>
        Open
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          const page = PAGES.find((p) => p.id === current);
          if (files.length) void (page?.openFiles ? page.openFiles(files) : modelStore.openFiles(files));
        }}
      />
    </header>
  );
}
