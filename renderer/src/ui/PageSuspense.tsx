// Runs in: renderer. Where a lazily loaded page (or sub-page) waits for its code: a quiet
// loader in place of the page, announced (props only); and a route's element made of one.
import { Suspense, type ComponentType, type ReactNode } from 'react';
import { Loading } from './Loading';

export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** A route's element: the lazily loaded page, waiting for its code in a PageSuspense. */
export function suspended(Page: ComponentType) {
  return (
    <PageSuspense>
      <Page />
    </PageSuspense>
  );
}
