/** Catches render errors so a bug shows a message card instead of a blank page. */
import { Component, type ReactNode } from 'react';
import { setPageState } from '../model/readiness.js';

interface State {
  error: Error | null;
}

/** Shows the error and a reload button when a child throws while rendering. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(): void {
    setPageState('error');
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="center-stage">
        <div className="message-card error" role="alert">
          <h2>Something went wrong while drawing this page</h2>
          <p className="mono">{error.message}</p>
          <button className="btn" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
