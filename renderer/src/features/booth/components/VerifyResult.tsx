// Runs in: renderer. A comparison's outcome beside the two photos (props only): the band in
// words, the score against its thresholds, and why. In blind-first mode, until the officer has
// recorded their own judgement, only the request for it. The software advises; the officer decides.
import type { Ref } from 'react';
import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { Judgement, VerifyView } from '../../../../../ipc/channels/face';
import { useLabels } from '../../../i18n/labels';

const BAND_COLOR = { MATCH: 'green', INCONCLUSIVE: 'yellow', NO_MATCH: 'red' } as const;
/** A band's name is read whole, wrapping in the narrow column rather than cut short. */
const WRAPPING = {
  root: { height: 'auto', maxWidth: '100%', whiteSpace: 'normal', paddingBlock: 4 },
  label: { overflow: 'visible', whiteSpace: 'normal', textOverflow: 'clip', lineHeight: 1.3 },
} as const;
const JUDGEMENTS: Judgement[] = ['same', 'different', 'unsure'];

export function VerifyResult({
  result,
  onJudge,
  judging = false,
  firstJudgementRef,
}: {
  result: VerifyView;
  onJudge?: (judgement: Judgement) => void;
  judging?: boolean;
  /** Blind-first: focus lands on the first answer when the capture comes back. */
  firstJudgementRef?: Ref<HTMLButtonElement>;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (result.blind && !result.judgement) {
    return (
      <Stack gap={6} data-testid="verify-result">
        <Text fw={700} size="sm" id="judgement-question">
          {t('booth.verify.blind.question')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('booth.verify.blind.why')}
        </Text>
        <Group gap={6} role="group" aria-labelledby="judgement-question">
          {JUDGEMENTS.map((j, i) => (
            <Button
              key={j}
              size="compact-sm"
              variant={i === 0 ? 'filled' : 'default'}
              ref={i === 0 ? firstJudgementRef : undefined}
              loading={judging}
              onClick={() => onJudge?.(j)}
            >
              {t(`booth.verify.blind.${j}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={4} data-testid="verify-result">
      <Group gap={6} wrap="wrap">
        {result.band ? (
          <Badge size="lg" color={BAND_COLOR[result.band]} data-testid="verify-band" styles={WRAPPING}>
            {labels.band(result.band)}
          </Badge>
        ) : (
          <Badge size="lg" color="gray" data-testid="verify-band" styles={WRAPPING}>
            {t('booth.verify.noComparison')}
          </Badge>
        )}
        {result.judgement && (
          <Text size="xs" c="dimmed">
            {t('booth.verify.blind.yours', { judgement: t(`booth.verify.blind.${result.judgement}`) })}
          </Text>
        )}
      </Group>
      {result.score !== null && (
        <Text size="sm">
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
      <List size="xs" spacing={2}>
        {result.explanation.map((e, i) => (
          <List.Item key={i}>{e}</List.Item>
        ))}
      </List>
      {result.liveness !== null && (
        <Text size="xs" c="dimmed">
          {t('booth.verify.liveness', { score: result.liveness.toFixed(2) })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('booth.verify.footer', { model: result.modelVersion, ms: Math.round(result.timings.totalMs) })}
      </Text>
    </Stack>
  );
}
