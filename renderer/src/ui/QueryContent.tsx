// Runs in: renderer. What a query has to show: its error, a loader while it is pending, or its
// data through `children` (props only). One place for the three states every page repeats.
import type { ReactNode } from 'react';
import { InlineError } from './InlineError';
import { Loading } from './Loading';

export interface QueryState<T> {
  error: Error | null;
  isPending: boolean;
  data: T | undefined;
}

export function QueryContent<T>({
  query,
  describeError = (e) => e.message,
  children,
}: {
  query: QueryState<T>;
  /** How the error is said (by default its own message), e.g. in a feature's words. */
  describeError?: (error: Error) => string;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      {query.error && <InlineError message={describeError(query.error)} />}
      {query.isPending && <Loading />}
      {query.data !== undefined && children(query.data)}
    </>
  );
}
