// Runs in: renderer. The software update this console is offered: its version, how far its
// staged rollout reaches and whether this booth is in it, the background download's progress,
// what holds the install back, and "install now" (props only; main decides, and refuses an
// install while anyone is mid-case).
import { Alert, Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UpdateStatusView } from '../../../../../ipc/channels/update';
import { useFormat } from '../../../format';
import { InlineError } from '../../../ui/InlineError';
import { Section } from '../../../ui/Section';

export interface UpdateStatusCardProps {
  status: UpdateStatusView;
  checking: boolean;
  onCheck: () => void;
  installing: boolean;
  onInstall: () => void;
  /** Why "install now" was refused, in main's words. */
  installError?: string | null;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function UpdateStatusCard(props: UpdateStatusCardProps) {
  const { status: s, checking, onCheck } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const hour = s.quietHour === null ? null : `${String(s.quietHour).padStart(2, '0')}:00`;
  return (
    <Section
      title={t('admin.updates.title')}
      testId="update-status"
      actions={
        <Button size="compact-sm" variant="light" onClick={onCheck} loading={checking}>
          {t('admin.updates.check')}
        </Button>
      }
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('admin.updates.current', {
            version: s.currentVersion,
            channel: t(`admin.updates.channel.${s.channel}`),
            quiet: hour ? t('admin.updates.quietAt', { hour }) : t('admin.updates.quietNone'),
          })}
          {s.lastCheckAt && ` ${t('admin.updates.lastCheck', { ago: format.ago(s.lastCheckAt) })}`}
        </Text>
        {s.phase === 'unconfigured' && (
          <Alert color="blue" role="status">
            {t('admin.updates.unconfigured')}{' '}
            <Anchor component={Link} to="/admin/settings">
              {t('admin.nav.settings')}
            </Anchor>
          </Alert>
        )}
        {s.error && <InlineError message={s.error} />}
        {s.phase === 'up-to-date' && !s.available && (
          <Text size="sm" data-testid="update-phase">
            {t('admin.updates.upToDate', { channel: t(`admin.updates.channel.${s.channel}`) })}
          </Text>
        )}
        {s.available && <Offered {...props} />}
      </Stack>
    </Section>
  );
}

function Offered({ status: s, installing, onInstall, installError }: UpdateStatusCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const a = s.available!;
  const place = format.number(Math.round(s.stagePosition * 10) / 10);
  const hour = s.quietHour === null ? null : `${String(s.quietHour).padStart(2, '0')}:00`;
  const blocked = s.busy.openCases > 0 || s.busy.verifications > 0;
  const rollout = t('admin.updates.rollout', { percent: format.number(a.stagingPercentage) });
  const p = s.progress;
  const download = !p
    ? ''
    : p.total
      ? t('admin.updates.downloading', {
          done: mb(p.transferred),
          total: mb(p.total),
          percent: format.number(Math.round(p.percent)),
        })
      : t('admin.updates.downloadingUnsized', { done: mb(p.transferred) });
  return (
    <Stack gap="sm" data-testid="update-available">
      <Text fw={600}>
        {a.releaseDate
          ? t('admin.updates.available', { version: a.version, date: format.dateTime(a.releaseDate) })
          : t('admin.updates.availableUndated', { version: a.version })}
      </Text>
      <div>
        <Text size="sm">{rollout}</Text>
        <Progress value={a.stagingPercentage} aria-label={rollout} mt={4} />
        <Text size="sm" mt={4} data-testid="update-stage">
          {a.inStage ? t('admin.updates.inStage', { place }) : t('admin.updates.notInStage', { place })}
        </Text>
      </div>
      {s.phase === 'downloading' && p && (
        <div>
          <Text size="sm">{download}</Text>
          <Progress value={Math.round(p.percent)} aria-label={download} mt={4} animated />
        </div>
      )}
      {s.phase === 'downloaded' && (
        <Stack gap="xs">
          <Alert color="green" role="status" data-testid="update-phase">
            {t('admin.updates.downloaded', { version: s.downloadedVersion })}{' '}
            {hour ? t('admin.updates.installsWhenQuiet', { hour }) : t('admin.updates.installsAtSignOut')}
          </Alert>
          <Text size="sm">
            {blocked
              ? t('admin.updates.busy', {
                  cases: format.number(s.busy.openCases),
                  checks: format.number(s.busy.verifications),
                })
              : t('admin.updates.idle')}
          </Text>
          <Group>
            <Button color="orange" onClick={onInstall} loading={installing}>
              {t('admin.updates.installNow')}
            </Button>
          </Group>
          {installError && <InlineError message={installError} />}
        </Stack>
      )}
      {s.phase === 'installing' && (
        <Alert color="orange" role="status" data-testid="update-phase">
          {t('admin.updates.installing', { version: s.downloadedVersion })}
        </Alert>
      )}
    </Stack>
  );
}
