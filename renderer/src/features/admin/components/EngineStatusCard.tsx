// Runs in: renderer. What the engine runs on: enough for an admin (or the engineer they call)
// to see why face checks are slow or failing, and how far the vetting window is (props only).
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import type { EngineStatusView } from '../../../../../ipc/channels/engine';
import { useFormat } from '../../../format';
import { InlineError } from '../../../ui/InlineError';
import { Loading } from '../../../ui/Loading';
import { Section } from '../../../ui/Section';
import { VettingWindowState } from './VettingWindowState';

export interface EngineStatusCardProps {
  status: EngineStatusView | undefined;
  loadError?: string | null;
  refreshing: boolean;
  onRefresh: () => void;
}

/** Its accessible name is its heading, "Engine status". */
export function EngineStatusCard({ status: st, loadError, refreshing, onRefresh }: EngineStatusCardProps) {
  const { t } = useTranslation();
  return (
    <Section
      title={t('admin.engine.title')}
      actions={
        <Button size="compact-sm" variant="light" onClick={onRefresh} loading={refreshing}>
          {t('admin.engine.refresh')}
        </Button>
      }
    >
      {!st && !loadError && <Loading />}
      {loadError && <InlineError message={t('admin.engine.loadFailed', { message: loadError })} />}
      {st?.faceError && <InlineError message={t('admin.engine.faceUnavailable', { error: st.faceError })} />}
      {st?.face && <FaceEngine face={st.face} />}
      {st && <Enrolment enrolment={st.enrolment} />}
      {st && <FlagsIndex flags={st.flags} />}
      {st?.window && <VettingWindowState window={st.window} />}
    </Section>
  );
}

function FaceEngine({ face }: { face: NonNullable<EngineStatusView['face']> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const values = {
    model: face.modelVersion,
    workers: face.workers,
    ms: format.number(Math.round(face.loadMs)),
  };
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm">
          {face.workers === 1 ? (
            <Trans i18nKey="admin.engine.faceOne" values={values} components={{ b: <b /> }} />
          ) : (
            <Trans i18nKey="admin.engine.faceMany" values={values} components={{ b: <b /> }} />
          )}
        </Text>
        <Badge data-testid="fast-arithmetic" color={face.denormalsFlushed ? 'green' : 'orange'}>
          {face.denormalsFlushed ? t('admin.engine.fastOn') : t('admin.engine.fastOff')}
        </Badge>
        <Badge data-testid="fast-photo-decoding" color={face.scaledJpeg ? 'green' : 'orange'}>
          {face.scaledJpeg ? t('admin.engine.photoFastOn') : t('admin.engine.photoFastOff')}
        </Badge>
      </Group>
      {!face.denormalsFlushed && <Alert color="orange">{t('admin.engine.slow')}</Alert>}
      {!face.scaledJpeg && <Alert color="orange">{t('admin.engine.photoSlow')}</Alert>}
    </Stack>
  );
}

function Enrolment({ enrolment: e }: { enrolment: EngineStatusView['enrolment'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const state = e.running
    ? t('admin.engine.enrolRunning', { done: format.number(e.done), total: format.number(e.total) })
    : e.lastRunAt
      ? t('admin.engine.enrolIdleLast', { at: format.dateTime(e.lastRunAt) })
      : t('admin.engine.enrolIdle');
  const unusable = e.unusable ? t('admin.engine.enrolUnusable', { n: format.number(e.unusable) }) : '';
  return (
    <Text size="sm" mt={4}>
      {t('admin.engine.enrolment', { state, unusable })}
    </Text>
  );
}

function FlagsIndex({ flags: f }: { flags: EngineStatusView['flags'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text size="sm" mt={4}>
      {f.merging
        ? t('admin.engine.flagsMerging', { n: format.number(f.freshKeys), version: f.keysVersion })
        : t('admin.engine.flagsWaiting', {
            n: format.number(f.freshKeys),
            mergeAt: format.number(f.mergeAt),
            version: f.keysVersion,
          })}
    </Text>
  );
}
