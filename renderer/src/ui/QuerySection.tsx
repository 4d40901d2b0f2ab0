// Runs in: renderer. A titled section of a page that shows one query: its error, a loader while
// it is pending, or its data through `children` (props only).
import type { ReactNode } from 'react';
import { QueryContent, type QueryState } from './QueryContent';
import { Section } from './Section';

export function QuerySection<T>({
  title,
  query,
  testId,
  children,
}: {
  title: ReactNode;
  query: QueryState<T>;
  testId?: string;
  children: (data: T) => ReactNode;
}) {
  return (
    <Section title={title} testId={testId}>
      <QueryContent query={query}>{children}</QueryContent>
    </Section>
  );
}
