// Runs in: renderer. The case's flags: how many are still open, the advice that flags are
// reasons to ask, not findings; each flag's card with its own acknowledgement.
import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FlagView } from '../../../../ipc/channels/flags';
import { Section } from '../../ui/Section';
import { FlagCard } from './components/FlagCard';
import { useAcknowledgeFlag } from './mutations';

function AcknowledgeableFlag({ flag, applicantId }: { flag: FlagView; applicantId: string }) {
  const ack = useAcknowledgeFlag(applicantId);
  return (
    <FlagCard
      flag={flag}
      canAcknowledge
      acknowledging={ack.isPending}
      error={ack.error?.message ?? null}
      onAcknowledge={(note) => ack.mutate({ flagId: flag.id, note })}
    />
  );
}

export function FlagsPanel({ flags, applicantId }: { flags: FlagView[]; applicantId: string }) {
  const { t } = useTranslation();
  const open = flags.filter((f) => !f.acknowledgedAt).length;
  const summary =
    flags.length === 0 ? (
      <Badge color="green" variant="light">
        {t('booth.flags.none')}
      </Badge>
    ) : (
      <Badge color={open ? 'orange' : 'gray'}>
        {open ? t('booth.flags.toAcknowledge', { count: open }) : t('booth.flags.allAcknowledged')}
      </Badge>
    );
  return (
    <Section title={t('booth.flags.title')} level={3} titleSize="h4" actions={summary}>
      <Stack>
        {flags.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('booth.flags.advice')}
          </Text>
        )}
        {flags.map((f) => (
          <AcknowledgeableFlag key={f.id} flag={f} applicantId={applicantId} />
        ))}
      </Stack>
    </Section>
  );
}
