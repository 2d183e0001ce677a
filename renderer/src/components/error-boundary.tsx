// Keeps one broken section from blanking the whole popover (a render error shows a Try again).
import { Component, type ReactNode } from 'react';

/** Props of {@link ErrorBoundary}; change `resetKey` (e.g. the section) to clear a caught error. */
export interface ErrorBoundaryProps {
  readonly resetKey: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly key: string;
}

/** Catches render errors below it and offers to try again. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="state state-error">
        <p className="state-title">This section could not be shown</p>
        <p className="muted">{this.state.error.message}</p>
        <button type="button" className="btn btn-plain" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
