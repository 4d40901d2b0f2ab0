// Runs in: renderer. The case's flags: the advice that flags are reasons to ask, not findings;
// each flag's card with its own acknowledgement. `A` (the booth shortcut) acknowledges the flag
// that has focus, or brings focus to the first open one; after each, focus moves to the next.
import { useImperativeHandle, useRef, type Ref } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlagView } from '../../../../ipc/channels/flags';
import { FlagCard } from './components/FlagCard';
import { useAcknowledgeFlag } from './mutations';

export interface FlagsHandle {
  /** A: acknowledge the focused flag; with none focused, focus the first open one. */
  acknowledgeKey(): void;
}

export function FlagsPanel({
  flags,
  applicantId,
  ref,
}: {
  flags: FlagView[];
  applicantId: string;
  ref?: Ref<FlagsHandle>;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const ack = useAcknowledgeFlag(applicantId);
  const open = flags.filter((f) => !f.acknowledgedAt);
  const card = (id: number) => list.current?.querySelector<HTMLElement>(`[data-flag-id="${id}"]`) ?? null;

  function acknowledge(flag: FlagView, note?: string) {
    ack.mutate(
      { flagId: flag.id, note },
      {
        // On to the next open flag (in list order, after this one), so `A` walks them all.
        onSuccess: () => {
          const after = open.filter((f) => f.id !== flag.id);
          const next = after.find((f) => flags.indexOf(f) > flags.indexOf(flag)) ?? after[0];
          if (next) card(next.id)?.focus();
        },
      },
    );
  }

  useImperativeHandle(ref, () => ({
    acknowledgeKey: () => {
      const focused = (document.activeElement as HTMLElement | null)?.closest('[data-flag-id]');
      const flag = focused && open.find((f) => String(f.id) === focused.getAttribute('data-flag-id'));
      if (flag) {
        if (!ack.isPending) acknowledge(flag);
      } else if (open[0]) {
        card(open[0].id)?.focus();
      }
    },
  }));

  if (flags.length === 0)
    return (
      <Text size="sm" c="dimmed" p="xs">
        {t('booth.flags.noneLong')}
      </Text>
    );
  return (
    <Stack gap="xs" ref={list}>
      <Text size="xs" c="dimmed">
        {t('booth.flags.advice')}
      </Text>
      {flags.map((f) => (
        <FlagCard
          key={f.id}
          flag={f}
          canAcknowledge
          acknowledging={ack.isPending && ack.variables?.flagId === f.id}
          error={ack.error && ack.variables?.flagId === f.id ? ack.error.message : null}
          onAcknowledge={(note) => acknowledge(f, note)}
        />
      ))}
    </Stack>
  );
}
