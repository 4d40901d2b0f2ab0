// Runs in: renderer. Dates, times and numbers through Intl, in the port's time zone whatever the
// booth machine's clock is set to. One place, so no screen formats a slot time its own way.
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';

const LOCALE = 'en-US';

export interface Format {
  timeZone: string | undefined;
  /** 14:05 at the port. */
  time(iso: string): string;
  /** 1 Dec 2026, 14:05 at the port. */
  dateTime(iso: string): string;
  /** A calendar date (YYYY-MM-DD, e.g. a date of birth or service date): never shifted by a zone. */
  date(isoDate: string): string;
  number(n: number): string;
  /** 0.1234 → "12.3 %". */
  percent(fraction: number, digits?: number): string;
  /** "just now", "5 min ago", "3 hr. ago". */
  ago(iso: string, now?: number): string;
}

/** Built on first use: ICU's first formatter costs tens of ms, and the first screen shows none. */
function lazily<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createFormat(timeZone: string | null | undefined): Format {
  const tz = timeZone ?? undefined;
  const time = lazily(
    () =>
      new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: tz }),
  );
  const dateTime = lazily(
    () =>
      new Intl.DateTimeFormat(LOCALE, {
        dateStyle: 'medium',
        timeStyle: 'short',
        hourCycle: 'h23',
        timeZone: tz,
      }),
  );
  const date = lazily(() => new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }));
  const number = lazily(() => new Intl.NumberFormat(LOCALE));
  const relative = lazily(() => new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto', style: 'short' }));
  return {
    timeZone: tz,
    time: (iso) => time().format(new Date(iso)),
    dateTime: (iso) => dateTime().format(new Date(iso)),
    // Not a calendar date (e.g. "1985-13-40" in a file being checked): shown as written, never thrown on.
    date: (isoDate) => {
      const d = new Date(`${isoDate}T00:00:00Z`);
      return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) && !Number.isNaN(d.getTime()) ? date().format(d) : isoDate;
    },
    number: (n) => number().format(n),
    percent: (fraction, digits = 1) =>
      `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(fraction * 100)} %`,
    ago: (iso, now = Date.now()) => {
      const mins = Math.round((now - new Date(iso).getTime()) / 60_000);
      if (mins < 1) return relative().format(0, 'minute');
      return mins < 60
        ? relative().format(-mins, 'minute')
        : relative().format(-Math.round(mins / 60), 'hour');
    },
  };
}

const FormatContext = createContext<Format>(createFormat(undefined));

/** Gives every screen below it the port's time zone. */
export function FormatProvider({
  timeZone,
  children,
}: {
  timeZone: string | null | undefined;
  children: ReactNode;
}) {
  const value = useMemo(() => createFormat(timeZone), [timeZone]);
  return createElement(FormatContext.Provider, { value }, children);
}

export const useFormat = (): Format => useContext(FormatContext);
