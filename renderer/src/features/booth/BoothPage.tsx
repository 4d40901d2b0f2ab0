// Runs in: renderer. The officer's booth: today's queue (search, filters, the virtualised table)
// beside the case area (the routed child: nothing, or /booth/<id>'s case), both in one screen
// that never scrolls as a page, so the queue stays where it was while cases change. Keyboard:
// `/` searches, typing anywhere starts a search (a scanner's code and Enter opens that case),
// ↓ from the search enters the queue, Esc goes back to it, `?` lists every shortcut.
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Paper, Switch, Text, TextInput } from '@mantine/core';
import { Outlet, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../data/debounce';
import { bindChecked, bindText } from '../../ui/bind';
import { PageSuspense } from '../../ui/PageSuspense';
import { PageTitle } from '../../ui/PageTitle';
import { QueueFilters, TimeWindowSelect } from './components/QueueFilters';
import { QueueTable, type QueueTableHandle } from './components/QueueTable';
import { useQueue, useQueueNow } from './queries';
import { filterQueue, isFiltered, NO_FILTER, type QueueFilter } from './queue-filter';
import { isTypingTarget, shortcutFor, type ShortcutScope } from './shortcuts';
import classes from './BoothPage.module.css';

/** Search asks main after a pause in typing; clearing it shows everyone at once. */
export const SEARCH_DEBOUNCE_MS = 250;
const isEmpty = (s: string) => s.trim() === '';

/** Time windows ("within the hour") follow the clock: the filter is applied again each minute. */
const WINDOW_TICK_MS = 60_000;

export const caseUrl = (applicantId: string) => `/booth/${encodeURIComponent(applicantId)}`;

// Loaded the first time `?` is pressed: not part of drawing the queue.
const ShortcutsDialog = lazy(() => import('./components/ShortcutsDialog'));

function useMinuteClock(enabled: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), WINDOW_TICK_MS);
    return () => clearInterval(id);
  }, [enabled]);
  return now;
}

/** A key press that is text typed outside any field: it starts a search (a wedge scanner's too). */
const startsTyping = (e: globalThis.KeyboardEvent) =>
  e.key.length === 1 &&
  e.key !== ' ' &&
  !e.ctrlKey &&
  !e.altKey &&
  !e.metaKey &&
  !e.defaultPrevented &&
  !isTypingTarget(e.target) &&
  !(e.target instanceof Element && e.target.closest('[role="dialog"]'));

export default function BoothPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { applicantId } = useParams();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<QueueFilter>(NO_FILTER);
  // Asked for by the officer, per search: main looks up the id at the vetting window's other ports too (audited).
  const [otherPorts, setOtherPorts] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchField = useRef<HTMLInputElement>(null);
  const table = useRef<QueueTableHandle>(null);
  const open = useCallback((id: string) => void navigate(caseUrl(id)), [navigate]);
  const query = useDebouncedValue(search, SEARCH_DEBOUNCE_MS, isEmpty).trim();
  const queue = useQueue(query, otherPorts);
  const queueNow = useQueueNow();
  const now = useMinuteClock(filter.window !== 'all');
  const q = queue.data;
  const items = useMemo(() => (q ? filterQueue(q.items, filter, now) : []), [q, filter, now]);

  const focusSearch = useCallback(() => {
    searchField.current?.focus();
    searchField.current?.select(); // what is typed next replaces the last search
  }, []);

  /** Esc: the case closes and its row in the queue takes focus (or the current row, with none open). */
  const backToQueue = useCallback(() => {
    if (applicantId) void navigate('/booth');
    table.current?.focusRow(applicantId);
  }, [applicantId, navigate]);

  /** Enter in the search: the top result, asked for now (a scanner does not pause). */
  const openTop = async () => {
    const text = search.trim();
    if (!text) return;
    const view = await queueNow(text, otherPorts);
    const top = view.items[0];
    // A scanned or typed id or document number is that person, whatever the filters show.
    if (top && (top.match === 'id' || top.match === 'document')) return open(top.applicantId);
    const shown = filterQueue(view.items, filter, Date.now())[0];
    if (shown) open(shown.applicantId);
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void openTop();
    } else if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      table.current?.focusRow(items[0]!.applicantId);
    } else if (e.key === 'Escape') {
      // The first Esc clears the search; the next goes back to the queue, as it does elsewhere.
      e.preventDefault();
      if (search) setSearch('');
      else backToQueue();
    }
  };

  useEffect(() => {
    const scopes: ShortcutScope[] = applicantId ? ['queue', 'case'] : ['queue'];
    const onKey = (e: globalThis.KeyboardEvent) => {
      const s = shortcutFor(e, scopes);
      if (s?.id === 'search') {
        e.preventDefault();
        focusSearch();
      } else if (s?.id === 'help') {
        e.preventDefault();
        setHelpOpen(true);
      } else if (s?.id === 'back' && applicantId) {
        e.preventDefault();
        backToQueue();
      } else if (!s && startsTyping(e)) {
        // Not prevented: the key itself types into the field that now has focus.
        focusSearch();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [applicantId, backToQueue, focusSearch]);

  const total = q?.items.length ?? 0;
  return (
    <div className={classes.booth}>
      <div className={classes.queue}>
        <PageTitle
          aside={
            q?.serviceDate ? t('booth.queue.portDate', { port: q.port, date: q.serviceDate }) : undefined
          }
        >
          {t('booth.queue.title')}
        </PageTitle>
        <Group gap={6} wrap="nowrap">
          <TextInput
            ref={searchField}
            className={classes.search}
            placeholder={t('booth.queue.searchPlaceholder')}
            aria-label={t('booth.queue.search')}
            aria-keyshortcuts="/"
            {...bindText(search, setSearch)}
            onKeyDown={onSearchKey}
            autoComplete="off"
            spellCheck={false}
          />
          <TimeWindowSelect value={filter.window} onChange={(window) => setFilter({ ...filter, window })} />
          <Button variant="default" px="xs" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            {t('booth.shortcuts.button')}
          </Button>
        </Group>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap={6}>
          {q && (
            <QueueFilters
              filter={filter}
              onChange={setFilter}
              counts={q.counts}
              leading={
                <Switch
                  size="xs"
                  label={t('booth.queue.otherPorts')}
                  title={t('booth.queue.otherPortsHint')}
                  {...bindChecked(otherPorts, setOtherPorts)}
                />
              }
            />
          )}
          {q && total > 0 && (
            <Text size="xs" c="dimmed" className={classes.shown} aria-live="polite">
              {query
                ? t('booth.queue.matches', { count: items.length })
                : t('booth.queue.shown', { shown: items.length, total })}
            </Text>
          )}
        </Group>
        {queue.error && (
          <Alert color="red" role="alert">
            {queue.error.message}
          </Alert>
        )}
        {q && total === 0 && (
          <Alert color="gray" title={query ? t('booth.queue.noMatchTitle') : t('booth.queue.emptyTitle')}>
            {!query
              ? t('booth.queue.empty')
              : otherPorts
                ? t('booth.queue.noMatchOtherPorts')
                : t('booth.queue.noMatch')}
          </Alert>
        )}
        {q && total > 0 && items.length === 0 && isFiltered(filter) && (
          <Alert color="gray">
            {t('booth.queue.noneFiltered')}{' '}
            <Button size="compact-sm" variant="subtle" onClick={() => setFilter(NO_FILTER)}>
              {t('booth.queue.filters.clear')}
            </Button>
          </Alert>
        )}
        {q && items.length > 0 && (
          <Paper withBorder className={classes.tableBox}>
            <QueueTable
              ref={table}
              items={items}
              selectedId={applicantId}
              linkTo={caseUrl}
              onOpen={open}
              onLeaveTop={focusSearch}
            />
          </Paper>
        )}
      </div>
      <div className={classes.case}>
        <PageSuspense>
          <Outlet />
        </PageSuspense>
      </div>
      {helpOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog opened onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
