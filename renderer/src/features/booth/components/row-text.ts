// Runs in: renderer. The words of the queue's rows, each worked out once per day's list rather than
// on every render: a filter switched on or off re-renders a screenful of rows, and i18next's t()
// and Intl's formatting are what a row costs. Names are kept per row object (a refetched list is
// new objects, so it is worked out afresh); counts, severities, statuses and slot times per value.
import type { TFunction } from 'i18next';
import type { Severity } from '../../../../../ipc/channels/flags';
import type { QueueItemView } from '../../../../../ipc/channels/queue';
import type { Format } from '../../../format';
import type { Labels } from '../../../i18n/labels';

export interface RowText {
  name(it: QueueItemView): string;
  time(slot: string): string;
  /** "alone", "3 people". */
  group(size: number): string;
  /** The open flags drawn ("2 · HIGH") and read out ("2 open flags, highest severity high"). */
  flags(count: number, severity: Severity): { short: string; long: string };
  status(status: string): string;
  /** Where a row found at another port is booked. */
  elsewhere(port: string, date: string): string;
}

function cached<K, V>(make: (k: K) => V): (k: K) => V {
  const m = new Map<K, V>();
  return (k) => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = make(k)));
    return v;
  };
}

export function rowText(t: TFunction, labels: Labels, format: Format): RowText {
  const names = new WeakMap<QueueItemView, string>();
  const flags = cached((key: string) => {
    const [n, severity] = key.split(':') as [string, Severity];
    const args = { count: Number(n), severity: labels.severity(severity) };
    return { short: t('booth.queue.flagsShort', args), long: t('booth.queue.flagsLong', args) };
  });
  return {
    name: (it) => {
      let n = names.get(it);
      if (n === undefined)
        names.set(it, (n = t('booth.name', { family: it.familyNames, given: it.givenNames })));
      return n;
    },
    time: cached((slot: string) => format.time(slot)),
    group: cached((count: number) => t('booth.queue.groupSize', { count })),
    flags: (count, severity) => flags(`${count}:${severity}`),
    status: cached((s: string) => labels.status(s)),
    elsewhere: (port, date) => t('booth.queue.elsewhere', { port, date }),
  };
}
