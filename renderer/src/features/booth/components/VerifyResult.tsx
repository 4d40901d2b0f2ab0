// Runs in: renderer. A comparison's outcome (props only): both faces side by side, the band in
// words, the score against its thresholds, and why. The software advises; the officer decides.
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { VerifyView } from '../../../../../ipc/channels/face';
import { useLabels } from '../../../i18n/labels';
import { FaceOverlayImage } from './FaceOverlayImage';

const BAND_COLOR = { MATCH: 'green', INCONCLUSIVE: 'yellow', NO_MATCH: 'red' } as const;

export function VerifyResult({
  result,
  capture,
  referencePhoto,
}: {
  result: VerifyView;
  capture: string;
  referencePhoto: string | null;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Stack data-testid="verify-result">
      <Group align="flex-start">
        <Stack gap={2} align="center">
          {referencePhoto ? (
            <FaceOverlayImage
              src={referencePhoto}
              side={result.reference}
              alt={t('booth.verify.submittedAlt')}
            />
          ) : (
            <Text c="dimmed">{t('booth.verify.noSubmitted')}</Text>
          )}
          <Text size="sm" c="dimmed">
            {t('booth.verify.submittedCaption')}
          </Text>
        </Stack>
        <Stack gap={2} align="center">
          <FaceOverlayImage src={capture} side={result.capture} alt={t('booth.verify.liveAlt')} />
          <Text size="sm" c="dimmed">
            {t('booth.verify.liveCaption')}
          </Text>
        </Stack>
      </Group>
      <Group>
        {result.band ? (
          <Badge size="xl" color={BAND_COLOR[result.band]} data-testid="verify-band">
            {labels.band(result.band)}
          </Badge>
        ) : (
          <Badge size="xl" color="gray" data-testid="verify-band">
            {t('booth.verify.noComparison')}
          </Badge>
        )}
        {result.score !== null && (
          <Text>
            <Trans
              i18nKey="booth.verify.similarity"
              values={{
                score: result.score.toFixed(2),
                match: result.thresholds.match.toFixed(2),
                unsure: result.thresholds.inconclusive.toFixed(2),
              }}
              components={{ b: <b /> }}
            />
          </Text>
        )}
      </Group>
      <List size="sm">
        {result.explanation.map((e, i) => (
          <List.Item key={i}>{e}</List.Item>
        ))}
      </List>
      {result.liveness !== null && (
        <Text size="sm" c="dimmed">
          {t('booth.verify.liveness', { score: result.liveness.toFixed(2) })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('booth.verify.footer', { model: result.modelVersion, ms: Math.round(result.timings.totalMs) })}
      </Text>
    </Stack>
  );
}
