// Runs in: renderer. Today's queue as a table (props only). Each name is a link to the case
// (keyboard users Tab to it; a click anywhere on the row opens it too). The open case's row is
// marked by a bar at its edge, a stronger tint and aria-current, not by a faint tint alone; the
// flag count says its severity in words. Rows are memoised: opening a case re-renders two rows,
// not hundreds.
import { memo, type MouseEvent } from 'react';
import { Badge, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { QueueItemView } from '../../../../../ipc/channels/queue';
import { useFormat, type Format } from '../../../format';
import { useLabels, type Labels } from '../../../i18n/labels';
import { SEVERITY_COLOR } from '../../../ui/SeverityBadge';
import { StatusBadge, WHOLE_BADGE } from '../../../ui/StatusBadge';
import classes from './QueueTable.module.css';

interface RowProps {
  item: QueueItemView;
  selected: boolean;
  href: string;
  onOpen: (applicantId: string) => void;
  t: TFunction;
  labels: Labels;
  format: Format;
}

export function QueueFlags({ item, t, labels }: Pick<RowProps, 'item' | 't' | 'labels'>) {
  if (item.openFlags === 0 || !item.topSeverity) return null;
  const severity = labels.severity(item.topSeverity);
  return (
    <Badge size="sm" color={SEVERITY_COLOR[item.topSeverity]} styles={WHOLE_BADGE} data-testid="queue-flags">
      <span aria-hidden>{t('booth.queue.flagsShort', { count: item.openFlags, severity })}</span>
      <span className={classes.srOnly}>
        {t('booth.queue.flagsLong', { count: item.openFlags, severity })}
      </span>
    </Badge>
  );
}

const QueueRow = memo(function QueueRow({ item: it, selected, href, onOpen, t, labels, format }: RowProps) {
  const rowClick = (e: MouseEvent) => {
    if (!(e.target as HTMLElement).closest('a')) onOpen(it.applicantId); // a link navigates itself
  };
  return (
    <Table.Tr
      onClick={rowClick}
      style={{ cursor: 'pointer' }}
      bg={selected ? 'indigo.1' : undefined}
      aria-current={selected ? 'true' : undefined}
      data-selected={selected || undefined}
    >
      <Table.Td
        style={{
          whiteSpace: 'nowrap',
          borderLeft: `4px solid ${selected ? 'var(--mantine-color-indigo-8)' : 'transparent'}`,
        }}
      >
        {format.time(it.slot)}
      </Table.Td>
      <Table.Td>
        <Link
          to={href}
          className={selected ? `${classes.name} ${classes.selectedName}` : classes.name}
          aria-current={selected ? 'page' : undefined}
        >
          {t('booth.name', { family: it.familyNames, given: it.givenNames })}
        </Link>
        {it.nameAsWritten !== `${it.givenNames} ${it.familyNames}` && (
          <span className={classes.asWritten}>{it.nameAsWritten}</span>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{it.dob}</Table.Td>
      <Table.Td>{t('booth.queue.groupSize', { count: it.groupSize })}</Table.Td>
      <Table.Td>
        <QueueFlags item={it} t={t} labels={labels} />
      </Table.Td>
      <Table.Td>
        <StatusBadge status={it.status} size="sm">
          {labels.status(it.status)}
        </StatusBadge>
      </Table.Td>
    </Table.Tr>
  );
});

export function QueueTable({
  items,
  selectedId,
  linkTo,
  onOpen,
}: {
  items: QueueItemView[];
  selectedId: string | undefined;
  linkTo: (applicantId: string) => string;
  /** Must keep its identity between renders (rows are memoised). */
  onOpen: (applicantId: string) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  return (
    // Narrower cell padding than the default: six columns, each status and flag badge whole, fit
    // half of a 1366-pixel booth screen.
    <Table highlightOnHover stickyHeader horizontalSpacing={8} aria-label={t('booth.queue.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('booth.queue.columns.time')}</Table.Th>
          <Table.Th>{t('booth.queue.columns.name')}</Table.Th>
          <Table.Th>{t('booth.queue.columns.born')}</Table.Th>
          <Table.Th>{t('booth.queue.columns.group')}</Table.Th>
          <Table.Th>{t('booth.queue.columns.flags')}</Table.Th>
          <Table.Th>{t('booth.queue.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((it) => (
          <QueueRow
            key={it.appointmentId}
            item={it}
            selected={it.applicantId === selectedId}
            href={linkTo(it.applicantId)}
            onOpen={onOpen}
            t={t}
            labels={labels}
            format={format}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}
