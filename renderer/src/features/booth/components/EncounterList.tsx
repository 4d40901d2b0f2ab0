// Runs in: renderer. The case's latest recorded decision, who made it and when (the port's time),
// and whether it has reached the server yet; earlier ones (corrected since) are counted (props only).
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EncounterView } from '../../../../../ipc/channels/encounter';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { WHOLE_BADGE } from '../../../ui/StatusBadge';

export function EncounterList({ encounters }: { encounters: EncounterView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const e = encounters.at(-1);
  if (!e) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="decision-made">
      <Badge color={e.disposition === 'processed' ? 'green' : 'orange'} styles={WHOLE_BADGE}>
        {labels.disposition(e.disposition)}
      </Badge>
      <Text size="sm">
        {t('booth.decision.by', { officer: e.officer, time: format.time(e.completedAt) })}
      </Text>
      <Badge
        variant="outline"
        color={e.uploaded ? 'green' : 'gray'}
        data-testid="upload-state"
        styles={WHOLE_BADGE}
      >
        {e.uploaded ? t('booth.decision.uploaded') : t('booth.decision.waiting')}
      </Badge>
      {e.supersedes && (
        <Text size="xs" c="dimmed">
          {t('booth.decision.correction')}
        </Text>
      )}
      {encounters.length > 1 && (
        <Text size="xs" c="dimmed">
          {t('booth.decision.earlier', { count: encounters.length - 1 })}
        </Text>
      )}
    </Group>
  );
}
