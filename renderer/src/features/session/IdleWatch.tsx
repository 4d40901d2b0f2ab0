// Runs in: renderer. Watches the officer's input while a session is open and unlocked (the gate
// renders it beside the pages): reports it to main, and locks when there has been none for the
// site's idle time. Renders nothing.
import { useEffect, useRef } from 'react';
import { ACTIVITY_EVENT, IdleTracker, INPUT_EVENTS } from './idle-lock';
import { useLockNow, useReportActivity } from './mutations';

export function IdleWatch({ idleLockMinutes }: { idleLockMinutes: number }) {
  const report = useReportActivity();
  const lock = useLockNow();
  // The mutations' functions change identity per render; the tracker must not restart with them.
  const calls = useRef({ report, lock });
  useEffect(() => {
    calls.current = { report, lock };
  });
  useEffect(() => {
    const tracker = new IdleTracker({
      idleMs: idleLockMinutes * 60_000,
      report: () => calls.current.report.mutate({}),
      lock: () => calls.current.lock.mutate({ reason: 'idle' }),
    });
    const onInput = () => tracker.input();
    // Timers stall while the machine sleeps or the window is hidden: look again on return.
    const onReturn = () => tracker.check();
    const opts = { capture: true, passive: true } as const;
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, opts);
    window.addEventListener(ACTIVITY_EVENT, onInput);
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      tracker.stop();
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, opts);
      window.removeEventListener(ACTIVITY_EVENT, onInput);
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [idleLockMinutes]);
  return null;
}
