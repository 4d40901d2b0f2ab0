// Runs in: renderer. Where a lazily loaded page (or sub-page) waits for its code: a quiet
// loader in place of the page, announced (props only); and a route's element: a lazy page in
// a PageSuspense of its own, or in its layout's.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
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

/** A route's element: a page loaded on its first visit, waiting for its code in its layout's PageSuspense. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return <Page />;
}
