// Runs in: renderer. The decisions already recorded for the case and whether each has reached
// the server yet (props only).
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EncounterView } from '../../../../../ipc/channels/encounter';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';

export function EncounterList({ encounters }: { encounters: EncounterView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  return (
    <>
      {encounters.map((e) => (
        <Group key={e.clientId} gap="xs">
          <Badge color={e.disposition === 'processed' ? 'green' : 'orange'}>
            {labels.disposition(e.disposition)}
          </Badge>
          <Text size="sm">
            {t('booth.decision.by', { officer: e.officer, time: format.time(e.completedAt) })}
          </Text>
          <Badge variant="outline" color={e.uploaded ? 'green' : 'gray'} data-testid="upload-state">
            {e.uploaded ? t('booth.decision.uploaded') : t('booth.decision.waiting')}
          </Badge>
          {e.supersedes && (
            <Text size="xs" c="dimmed">
              {t('booth.decision.correction')}
            </Text>
          )}
        </Group>
      ))}
    </>
  );
}
