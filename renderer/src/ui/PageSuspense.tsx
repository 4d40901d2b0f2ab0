// Runs in: renderer. Where a lazily loaded page (or sub-page) waits for its code: a quiet
// loader in place of the page, announced (props only).
import { Suspense, type ReactNode } from 'react';
import { Loading } from './Loading';

export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}
