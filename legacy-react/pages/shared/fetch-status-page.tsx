import type { ReactElement, ReactNode } from 'react';
import type { FetchError, FetchState } from '../../hooks/use-fetch.ts';
import { PageBackground } from './page-background.tsx';
import { ErrorPanel, LoadingPanel, type PanelProps, RETRY_FOCUS_KEY } from './status-panels.tsx';

export interface FetchStatusOptions {
  /** The background color; the theme's background unless given. */
  readonly color?: string | undefined;
  /** What the error panel says; the error's own message unless given. */
  readonly describe?: (error: FetchError) => string;
  /** Shown after the error panel, e.g. a Back button next to Retry. */
  readonly errorExtra?: ReactNode;
}

/**
 * The whole page while `state` is still loading (a loading panel) or after it failed (an error
 * panel whose Retry gets focus first). A plain function, not a component, so the root it returns is
 * a `PageBackground` itself: a page whose ready state is one too keeps the same background node.
 */
export function fetchStatusPage(
  state: Exclude<FetchState<unknown>, { readonly status: 'ready' }>,
  panel: PanelProps,
  { color, describe = (error) => error.message, errorExtra }: FetchStatusOptions = {},
): ReactElement {
  if (state.status === 'loading') {
    return (
      <PageBackground color={color}>
        <LoadingPanel {...panel} />
      </PageBackground>
    );
  }
  return (
    <PageBackground color={color} preferredChild={RETRY_FOCUS_KEY}>
      <ErrorPanel {...panel} message={describe(state.error)} onRetry={state.retry} />
      {errorExtra}
    </PageBackground>
  );
}
