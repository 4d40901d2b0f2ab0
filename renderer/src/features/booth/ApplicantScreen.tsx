// Runs in: renderer. The applicant-facing screen, from the officer's side: what it shows follows
// the case (opened, camera running, picture taken, decided) through main; the officer can change
// its language (the applicant's preferred one by default) and open it: a second window (the
// Electron shell opens it itself; in the browser shell, a browser window). It never shows a
// name, a score or a flag.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantLanguage, CounterMessage } from '../../../../ipc/channels/counter';
import { APPLICANT_LANGUAGES, applicant as catalogues } from '../../i18n/resources';
import { useCounterShow, useOpenCounter } from './mutations';

/** The counter route, for a browser window opened beside the booth. */
export const counterUrl = (token: string) => `#/counter?token=${encodeURIComponent(token)}`;

/**
 * What the counter screen shows for the open case (held by the case route, so moving from one
 * case to the next is one change, not a goodbye and a greeting racing each other): `set` moves it
 * on, `setLanguage` is the officer's choice. Updates go to main one after another, in order.
 */
interface Screen {
  id: string | null;
  message: CounterMessage;
  language: ApplicantLanguage | null;
}

export function useCounterScreen(applicantId: string | null, preferred: string | null) {
  const show = useCounterShow();
  const sendAsync = show.mutateAsync;
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [state, setState] = useState<Screen>({
    id: applicantId,
    message: applicantId ? 'welcome' : 'idle',
    language: null,
  });
  // A new case starts with the greeting, in its applicant's language.
  const current: Screen =
    state.id === applicantId
      ? state
      : { id: applicantId, message: applicantId ? 'welcome' : 'idle', language: null };
  const { message, language } = current;
  const send = useCallback(
    (req: { applicantId: string | null; message: CounterMessage; language?: ApplicantLanguage }) => {
      chain.current = chain.current.then(() => sendAsync(req)).catch(() => undefined);
    },
    [sendAsync],
  );
  useEffect(() => {
    send({ applicantId, message, ...(language ? { language } : {}) });
  }, [applicantId, message, language, send]);
  // Leaving the booth's case area: the screen goes back to its greeting.
  useEffect(() => () => send({ applicantId: null, message: 'idle' }), [send]);
  const set = useCallback(
    (m: CounterMessage) =>
      setState((s) => ({ ...(s.id === applicantId ? s : { language: null }), id: applicantId, message: m })),
    [applicantId],
  );
  const setLanguage = useCallback(
    (l: ApplicantLanguage) =>
      setState((s) => ({
        ...(s.id === applicantId ? s : { message: 'welcome' as const }),
        id: applicantId,
        language: l,
      })),
    [applicantId],
  );
  return { message, set, language: language ?? toLanguage(preferred), setLanguage };
}

function toLanguage(preferred: string | null): ApplicantLanguage {
  const two = preferred?.toLowerCase().slice(0, 2);
  return (APPLICANT_LANGUAGES as readonly string[]).includes(two ?? '') ? (two as ApplicantLanguage) : 'en';
}

export function ApplicantScreenControl({
  language,
  onLanguage,
  onAsk,
}: {
  language: ApplicantLanguage;
  onLanguage: (l: ApplicantLanguage) => void;
  /** Put a request on the screen now (e.g. to remove hat and sunglasses). */
  onAsk: (message: CounterMessage) => void;
}) {
  const { t } = useTranslation();
  const openCounter = useOpenCounter();
  const win = useRef<Window | null>(null);
  function open() {
    openCounter.mutate(
      {},
      {
        onSuccess: ({ token, openedByShell }) => {
          if (openedByShell) return;
          if (win.current && !win.current.closed) return win.current.focus();
          win.current = window.open(counterUrl(token), 'arrivals-counter', 'popup,width=1024,height=640');
        },
      },
    );
  }
  // One button: open the screen, put a request on it, or change its language (the person's own by default).
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" loading={openCounter.isPending} data-testid="counter-menu">
          {t('booth.counter.button', { language: catalogues[language].languageName })}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={open}>{t('booth.counter.open')}</Menu.Item>
        <Menu.Item onClick={() => onAsk('removeHeadwear')}>{t('booth.counter.askHeadwear')}</Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('booth.counter.language')}</Menu.Label>
        {APPLICANT_LANGUAGES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => onLanguage(l)}
            aria-current={l === language ? 'true' : undefined}
            fw={l === language ? 700 : undefined}
          >
            {catalogues[l].languageName}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
