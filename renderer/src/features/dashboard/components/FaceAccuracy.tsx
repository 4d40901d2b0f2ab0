// Runs in: renderer. Face-match accuracy per model version: the calibration, then what booths
// saw since, overall and by sex and age band; small groups are not rated (props only).
import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldCounts, ModelAccuracyView } from '../../../../../ipc/channels/face';
import { useFormat } from '../../../format';
import { Section } from '../../../ui/Section';

export function FaceAccuracy({ models }: { models: ModelAccuracyView[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('dashboard.face.title')}>
      <Stack>
        {models.map((m) => (
          <ModelAccuracy key={m.modelVersion} model={m} />
        ))}
        <Text size="xs" c="dimmed">
          {t('dashboard.face.note')}
        </Text>
      </Stack>
    </Section>
  );
}

function ModelAccuracy({ model: m }: { model: ModelAccuracyView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = (x: number | null) => (x === null ? '—' : format.percent(x));
  const c = m.calibration;
  const calibration = c.calibrated
    ? t('dashboard.face.calibrated', {
        date: format.date(c.computedAt.slice(0, 10)),
        pairs: c.pairs ?? '?',
        auc: c.auc ?? '—',
        eer: c.eer ?? '—',
        fnmr: share(c.fnmrAtFmr01),
      })
    : t('dashboard.face.uncalibrated');
  const byCondition = c.perGroup.length
    ? t('dashboard.face.byCondition', {
        groups: c.perGroup
          .map((g) =>
            t('dashboard.face.condition', { group: g.group, fnmr: share(g.fnmr), fmr: share(g.fmr) }),
          )
          .join('; '),
      })
    : null;
  return (
    <Stack gap={6} data-testid={`face-model-${m.modelVersion}`}>
      <Group gap="xs">
        <Title order={3} size="sm">
          {m.modelVersion}
        </Title>
        {m.current && <Badge size="sm">{t('dashboard.face.inUse')}</Badge>}
      </Group>
      <Text size="sm">
        {t('dashboard.face.thresholds', { match: c.match, inconclusive: c.inconclusive })} {calibration}
        {byCondition && ` ${byCondition}`}
      </Text>
      <FaceAccuracyTable model={m} />
    </Stack>
  );
}

/** Booth verifications for one model version: all booths, then each sex and age group. */
export function FaceAccuracyTable({ model: m }: { model: ModelAccuracyView }) {
  const { t } = useTranslation();
  return (
    <Table fz="sm" aria-label={t('dashboard.face.table', { model: m.modelVersion })}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dashboard.face.booths')}</Table.Th>
          <Table.Th>{t('dashboard.face.verifications')}</Table.Th>
          <Table.Th>{t('dashboard.face.match')}</Table.Th>
          <Table.Th>{t('dashboard.face.inconclusive')}</Table.Th>
          <Table.Th>{t('dashboard.face.noMatch')}</Table.Th>
          <Table.Th>{t('dashboard.face.noResult')}</Table.Th>
          <Table.Th>{t('dashboard.face.confirmedAfterNonMatch')}</Table.Th>
          <Table.Th>{t('dashboard.face.notConfirmedAfterMatch')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <FieldRow label={t('dashboard.face.all')} counts={m.field} />
        {m.groups.map((g) => (
          <FieldRow
            key={`${g.dimension}:${g.group}`}
            label={
              g.dimension === 'sex'
                ? t('dashboard.face.sex', { group: g.group })
                : t('dashboard.face.age', { group: g.group })
            }
            counts={g}
            enough={g.enough}
          />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FieldRow({
  label,
  counts: c,
  enough = true,
}: {
  label: string;
  counts: FieldCounts;
  enough?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const share = (n: number) => (c.verifications ? format.percent(n / c.verifications) : '—');
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td>{format.number(c.verifications)}</Table.Td>
      {enough ? (
        <>
          <Table.Td>{share(c.match)}</Table.Td>
          <Table.Td>{share(c.inconclusive)}</Table.Td>
          <Table.Td>{share(c.noMatch)}</Table.Td>
          <Table.Td>{format.number(c.noResult)}</Table.Td>
          <Table.Td>{format.number(c.confirmedAfterNonMatch)}</Table.Td>
          <Table.Td>{format.number(c.notConfirmedAfterMatch)}</Table.Td>
        </>
      ) : (
        <Table.Td colSpan={6}>
          <Text size="xs" c="dimmed">
            {t('dashboard.face.tooFew')}
          </Text>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
