import { Component, type ErrorInfo, type ReactNode } from 'react';
import { CrashScreen } from './CrashScreen';

interface State {
  error: Error | null;
}

/** Catches render errors anywhere below and shows the recovery screen (records are already safe in Dexie). */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('screen crashed', error, info.componentStack);
  }

  render(): ReactNode {
    if (this.state.error) return <CrashScreen error={this.state.error} />;
    return this.props.children;
  }
}
