/**
 * Error boundaries: a view that throws while rendering shows what went wrong and a Retry button,
 * and the other views keep working; one more at the top keeps the page from going blank. The
 * message is the error's own sentence, never a stack trace.
 */
import './ErrorBoundary.css';

import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message: "the portrait view", "macroscope". */
  what: string;
  /** Names the boundary in the page (data-boundary), for tests. */
  id?: string;
  /** Show the fallback as a whole page (the top boundary) rather than a panel. */
  page?: boolean;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console keeps the details for a bug report; the page shows a sentence.
    console.warn(`${this.props.what} failed: ${error.message}`, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section
        className={this.props.page ? 'boundary boundary-page' : 'view boundary'}
        role="alert"
        data-boundary={this.props.id ?? this.props.what}
      >
        <p>
          {this.props.what} failed: {error.message || error.name}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Retry
        </button>
        {this.props.page && (
          <button type="button" onClick={() => window.location.assign(window.location.pathname)}>
            Open the default state
          </button>
        )}
      </section>
    );
  }
}
