// Runs in: renderer. Today's queue as a table (props only), virtualised: only the rows in view
// (and a few either side) are in the page, so 1,500 or 10,000 arrivals render as fast as 30.
// Rows are compact (one line each), focusable one at a time (↑/↓, Home/End, Page Up/Down move,
// Enter opens, ↑ from the first row goes back to search); a click anywhere on a row opens it too.
// The open case's row is marked by a bar at its edge, a stronger tint and aria-current; the flag
// count says its severity in words; the status is an icon and the whole word. Rows are memoised:
// moving or opening re-renders two rows, not every row.
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { DEFAULT_THEME } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useHref } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../../../ipc/channels/flags';
import type { QueueItemView } from '../../../../../ipc/channels/queue';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { SEVERITY_COLOR } from '../../../ui/SeverityBadge';
import { StatusMark } from '../../../ui/StatusMark';
import { filledPair } from '../../../ui/theme';
import { shortcutFor } from '../shortcuts';
import { rowText, type RowText } from './row-text';
import classes from './QueueTable.module.css';

/** One row's height in pixels: one line of text; 14 or more fit a 1366×768 booth screen. */
export const ROW_HEIGHT = 28;
/** Rows rendered beyond each edge of the view, so a quick scroll or ↓ never shows a gap. */
const OVERSCAN = 6;
const rowHeight = () => ROW_HEIGHT;
/** The list's height assumed until it is measured: a 1366×768 booth screen's. */
const FIRST_RENDER_HEIGHT = 480;

export interface QueueTableHandle {
  /** Focuses the row of `applicantId` (scrolled into view), or the current row, or the first. */
  focusRow(applicantId?: string): void;
}

interface RowProps {
  item: QueueItemView;
  index: number;
  selected: boolean;
  active: boolean;
  href: string;
  onOpen: (applicantId: string) => void;
  text: RowText;
}

/** Each severity's pill colours, as the theme fills a badge of that colour (readable text included). */
const FLAG_PILL = Object.fromEntries(
  (Object.keys(SEVERITY_COLOR) as Severity[]).map((s) => [
    s,
    filledPair(DEFAULT_THEME.colors[SEVERITY_COLOR[s]]![8]!),
  ]),
) as Record<Severity, CSSProperties>;

/** The open flags' count and highest severity in words, on the severity's colour (a plain pill: one per row). */
export function QueueFlags({ item, text }: Pick<RowProps, 'item' | 'text'>) {
  if (item.openFlags === 0 || !item.topSeverity) return null;
  const words = text.flags(item.openFlags, item.topSeverity);
  return (
    <span className={classes.flags} style={FLAG_PILL[item.topSeverity]} data-testid="queue-flags">
      <span aria-hidden>{words.short}</span>
      <span className={classes.srOnly}>{words.long}</span>
    </span>
  );
}

function PersonIcon() {
  return (
    <svg width="11" height="11" viewBox="0 0 16 16" aria-hidden focusable="false">
      <path
        d="M8 1.5a3.25 3.25 0 1 0 0 6.5a3.25 3.25 0 1 0 0-6.5M2 15c0-3.5 2.7-5.5 6-5.5s6 2 6 5.5"
        fill="currentColor"
      />
    </svg>
  );
}

const SELECTED_EDGE: CSSProperties = { borderLeft: '4px solid var(--mantine-color-indigo-8)' };
const UNSELECTED_EDGE: CSSProperties = { borderLeft: '4px solid transparent' };

/** A plain click opens the case in place; with a modifier (new tab, new window) the link does as usual. */
const opensInPlace = (e: MouseEvent) =>
  e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;

// Kept cheap (the first paint after sign-in draws a screenful of these): a plain link (its href made
// by the router once per list, not a Link per row), the words passed in, not a translation hook each.
const QueueRow = memo(function QueueRow({ item: it, index, selected, active, href, onOpen, text }: RowProps) {
  const rowClick = (e: MouseEvent) => {
    if (!opensInPlace(e)) return;
    e.preventDefault();
    onOpen(it.applicantId);
  };
  const name = text.name(it);
  const asWritten = it.nameAsWritten !== `${it.givenNames} ${it.familyNames}` ? it.nameAsWritten : null;
  const group = text.group(it.groupSize);
  return (
    <tr
      className={classes.row}
      onClick={rowClick}
      tabIndex={active ? 0 : -1}
      data-index={index}
      data-applicant={it.applicantId}
      aria-rowindex={index + 2}
      aria-current={selected ? 'true' : undefined}
      data-selected={selected || undefined}
    >
      <td className={classes.time} style={selected ? SELECTED_EDGE : UNSELECTED_EDGE}>
        {text.time(it.slot)}
      </td>
      <td className={classes.nameCell} title={asWritten ? `${name} · ${asWritten}` : name}>
        {/* Not a tab stop of its own: the row is (roving focus); the link still opens in place or
            in a new tab from the mouse. */}
        <a
          href={href}
          tabIndex={-1}
          className={selected ? `${classes.name} ${classes.selectedName}` : classes.name}
          aria-current={selected ? 'page' : undefined}
        >
          {name}
        </a>
        {asWritten && <span className={classes.asWritten}>{asWritten}</span>}
        {it.port && (
          // Found at another port of the vetting window (asked for in the search): where and when.
          <span className={classes.elsewhere} data-testid="queue-elsewhere">
            {text.elsewhere(it.port, it.serviceDate ?? '')}
          </span>
        )}
      </td>
      <td className={classes.nowrap}>{it.dob}</td>
      <td className={classes.nowrap}>
        {/* Drawn as a count beside a person icon, read out in words ("alone", "3 people"). */}
        <span className={classes.group} aria-hidden title={group}>
          <PersonIcon />
          {it.groupSize}
        </span>
        <span className={classes.srOnly}>{group}</span>
      </td>
      <td>
        <QueueFlags item={it} text={text} />
      </td>
      <td>
        <StatusMark status={it.status} label={text.status(it.status)} />
      </td>
    </tr>
  );
});

export function QueueTable({
  items,
  selectedId,
  linkTo,
  onOpen,
  onLeaveTop,
  ref,
}: {
  items: QueueItemView[];
  selectedId: string | undefined;
  linkTo: (applicantId: string) => string;
  /** Must keep its identity between renders (rows are memoised). */
  onOpen: (applicantId: string) => void;
  /** ↑ on the first row (e.g. back to the search field). */
  onLeaveTop?: () => void;
  ref?: Ref<QueueTableHandle>;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const text = useMemo(() => rowText(t, labels, format), [t, labels, format]);
  // The router's form of a path ('#/booth/…' under the hash router), asked once for the whole list.
  const root = useHref('/');
  const hrefOf = (applicantId: string) => `${root}${linkTo(applicantId).replace(/^\//, '')}`;
  const scroller = useRef<HTMLDivElement>(null);
  // The row that takes Tab (roving focus), by applicant: it stays put while the list is filtered.
  const [activeId, setActiveId] = useState<string | undefined>(selectedId);
  const pendingFocus = useRef<number | null>(null);
  // A new key function only with a new list: the virtualizer lays out every row again when it changes.
  const getItemKey = useCallback((i: number) => items[i]!.appointmentId, [items]);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: rowHeight,
    overscan: OVERSCAN,
    // Rows in the very first render, before the box is measured (then corrected): one render
    // less between the queue's answer and rows on screen.
    initialRect: { width: 0, height: FIRST_RENDER_HEIGHT },
    getItemKey,
  });
  const activeIndex = useMemo(
    () =>
      Math.max(
        0,
        items.findIndex((it) => it.applicantId === activeId),
      ),
    [items, activeId],
  );

  // The open case becomes the current row (opened by a click, a search or the URL).
  useEffect(() => {
    if (selectedId) setActiveId(selectedId);
  }, [selectedId]);

  const moveTo = useCallback(
    (index: number) => {
      const i = Math.min(Math.max(index, 0), items.length - 1);
      if (i < 0) return;
      setActiveId(items[i]!.applicantId);
      pendingFocus.current = i;
      virtualizer.scrollToIndex(i, { align: 'auto' });
    },
    [items, virtualizer],
  );

  // Focus the row once it is rendered (a row scrolled into view renders on the next pass).
  useLayoutEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  useImperativeHandle(
    ref,
    () => ({
      focusRow: (applicantId) => {
        const i = applicantId ? items.findIndex((it) => it.applicantId === applicantId) : -1;
        moveTo(i >= 0 ? i : activeIndex);
      },
    }),
    [items, moveTo, activeIndex],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (!row || row !== e.target) return; // keys on a control inside a row are the control's
    const s = shortcutFor(e.nativeEvent, ['queue']);
    const i = Number(row.dataset.index);
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    let to: number | null = null;
    if (s?.id === 'move') {
      if (e.key === 'ArrowUp' && i === 0 && onLeaveTop) {
        e.preventDefault();
        onLeaveTop();
        return;
      }
      to = e.key === 'ArrowUp' ? i - 1 : i + 1;
    } else if (s?.id === 'jump') to = e.key === 'Home' ? 0 : items.length - 1;
    else if (e.key === 'PageDown' || e.key === 'PageUp') to = e.key === 'PageUp' ? i - page : i + page;
    else if (s?.id === 'open') {
      e.preventDefault();
      onOpen(items[i]!.applicantId);
      return;
    }
    if (to === null) return;
    e.preventDefault();
    moveTo(to);
  };

  const rows = virtualizer.getVirtualItems();
  const top = rows[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  // The current row scrolled out of view is not in the page: Tab lands on the list, which hands
  // focus back to that row.
  const activeShown = rows.some((v) => v.index === activeIndex);
  return (
    <div
      ref={scroller}
      className={classes.scroller}
      role="region"
      aria-label={t('booth.queue.scrollLabel')}
      tabIndex={activeShown || items.length === 0 ? -1 : 0}
      onFocus={(e) => {
        if (e.target === e.currentTarget && items.length) moveTo(activeIndex);
      }}
    >
      <table
        className={classes.table}
        aria-label={t('booth.queue.tableLabel')}
        aria-rowcount={items.length + 1}
      >
        <colgroup>
          <col className={classes.colTime} />
          <col />
          <col className={classes.colBorn} />
          <col className={classes.colGroup} />
          <col className={classes.colFlags} />
          <col className={classes.colStatus} />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">{t('booth.queue.columns.time')}</th>
            <th scope="col">{t('booth.queue.columns.name')}</th>
            <th scope="col">{t('booth.queue.columns.born')}</th>
            <th scope="col">{t('booth.queue.columns.group')}</th>
            <th scope="col">{t('booth.queue.columns.flags')}</th>
            <th scope="col">{t('booth.queue.columns.status')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {top > 0 && <tr aria-hidden className={classes.spacer} style={{ height: top }} />}
          {rows.map((v) => {
            const it = items[v.index]!;
            return (
              <QueueRow
                key={v.key}
                item={it}
                index={v.index}
                selected={it.applicantId === selectedId}
                active={v.index === activeIndex}
                href={hrefOf(it.applicantId)}
                onOpen={onOpen}
                text={text}
              />
            );
          })}
          {bottom > 0 && <tr aria-hidden className={classes.spacer} style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
}
