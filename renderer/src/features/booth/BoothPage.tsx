// Runs in: renderer. The officer's booth: today's queue with search beside the case area (the
// routed child: nothing, or /booth/<id>'s case). The queue stays mounted while cases change.
import { useCallback, useState } from 'react';
import { Alert, Paper, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { Outlet, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../data/debounce';
import { PageSuspense } from '../../ui/PageSuspense';
import { PageTitle } from '../../ui/PageTitle';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { QueueCounts } from './components/QueueCounts';
import { QueueTable } from './components/QueueTable';
import { useQueue } from './queries';

/** Search asks main after a pause in typing; clearing it shows everyone at once. */
export const SEARCH_DEBOUNCE_MS = 250;
const isEmpty = (s: string) => s === '';

export const caseUrl = (applicantId: string) => `/booth/${encodeURIComponent(applicantId)}`;

export default function BoothPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { applicantId } = useParams();
  const [search, setSearch] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const open = useCallback((id: string) => void navigate(caseUrl(id)), [navigate]);
  const query = useDebouncedValue(search, SEARCH_DEBOUNCE_MS, isEmpty);
  const queue = useQueue(query);
  const q = queue.data;
  const items = q?.items.filter((it) => !onlyFlagged || it.openFlags > 0) ?? [];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Stack>
        <PageTitle
          aside={
            q?.serviceDate ? t('booth.queue.portDate', { port: q.port, date: q.serviceDate }) : undefined
          }
        >
          {t('booth.queue.title')}
        </PageTitle>
        <TextInput
          placeholder={t('booth.queue.searchPlaceholder')}
          aria-label={t('booth.queue.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          size="md"
        />
        <Switch
          label={t('booth.queue.onlyFlagged')}
          checked={onlyFlagged}
          onChange={(e) => setOnlyFlagged(e.currentTarget.checked)}
        />
        {q && <QueueCounts counts={q.counts} />}
        {queue.error && (
          <Alert color="red" role="alert">
            {queue.error.message}
          </Alert>
        )}
        {q && q.items.length === 0 && (
          <Alert color="gray" title={query ? t('booth.queue.noMatchTitle') : t('booth.queue.emptyTitle')}>
            {query ? t('booth.queue.noMatch') : t('booth.queue.empty')}
          </Alert>
        )}
        {q && q.items.length > 0 && (
          <Paper withBorder>
            <ScrollRegion label={t('booth.queue.scrollLabel')} h="calc(100vh - 300px)">
              <QueueTable items={items} selectedId={applicantId} linkTo={caseUrl} onOpen={open} />
            </ScrollRegion>
          </Paper>
        )}
      </Stack>
      <div>
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </div>
    </SimpleGrid>
  );
}
