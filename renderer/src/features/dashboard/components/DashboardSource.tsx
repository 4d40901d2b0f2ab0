// Runs in: renderer. A dashboard source (the day's figures, a list, the models' accuracy) that
// could not be read, said in place in the dashboard's words; and a source's three states (its
// loader, that failure, or its content) in one piece (props only).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineError } from '../../../ui/InlineError';
import { QueryContent, type QueryState } from '../../../ui/QueryContent';

function useLoadFailedText() {
  const { t } = useTranslation();
  return (error: Error) => t('dashboard.loadFailed', { message: error.message });
}

export function LoadFailed({ error }: { error: Error | null }) {
  const text = useLoadFailedText();
  return error ? <InlineError message={text(error)} /> : null;
}

export function SourceContent<T>({
  query,
  children,
}: {
  query: QueryState<T>;
  children: (data: T) => ReactNode;
}) {
  const text = useLoadFailedText();
  return (
    <QueryContent query={query} describeError={text}>
      {children}
    </QueryContent>
  );
}
