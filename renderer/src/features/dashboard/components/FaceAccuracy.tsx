// Runs in: renderer. Face-match accuracy per model version: the calibration, then what booths
// saw since, overall and by sex and age band; small groups are not rated (props only). Shown
// within the day's verification outcomes.
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldCounts, ModelAccuracyView } from '../../../../../ipc/channels/face';
import { useFormat } from '../../../format';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { Section } from '../../../ui/Section';

export function FaceAccuracy({ models, level = 2 }: { models: ModelAccuracyView[]; level?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <Section title={t('dashboard.face.title')} level={level}>
      <Stack>
        {models.map((m) => (
          <ModelAccuracy key={m.modelVersion} model={m} order={level === 2 ? 3 : 4} />
        ))}
        <Text size="xs" c="dimmed">
          {t('dashboard.face.note')}
        </Text>
      </Stack>
    </Section>
  );
}

function ModelAccuracy({ model: m, order }: { model: ModelAccuracyView; order: 3 | 4 }) {
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
        <Title order={order} size="sm">
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

/** One row of the table: a label and the counts it stands for. */
interface FieldRow {
  key: string;
  label: string;
  counts: FieldCounts;
  /** Whether the group is big enough to rate; a small one shows a note across the rates. */
  enough: boolean;
}

/** Booth verifications for one model version: all booths, then each sex and age group. */
export function FaceAccuracyTable({ model: m }: { model: ModelAccuracyView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: FieldRow[] = [
    { key: 'all', label: t('dashboard.face.all'), counts: m.field, enough: true },
    ...m.groups.map((g) => ({
      key: `${g.dimension}:${g.group}`,
      label:
        g.dimension === 'sex'
          ? t('dashboard.face.sex', { group: g.group })
          : t('dashboard.face.age', { group: g.group }),
      counts: g,
      enough: g.enough,
    })),
  ];
  const share = (c: FieldCounts, n: number) => (c.verifications ? format.percent(n / c.verifications) : '—');
  const rated = (key: 'match' | 'inconclusive' | 'noMatch', header: string): DataColumn<FieldRow> => ({
    key,
    header,
    cell: (r) => share(r.counts, r.counts[key]),
  });
  const counted = (
    key: 'noResult' | 'confirmedAfterNonMatch' | 'notConfirmedAfterMatch',
    header: string,
  ): DataColumn<FieldRow> => ({
    key,
    header,
    cell: (r) => format.number(r.counts[key]),
  });
  const columns: DataColumn<FieldRow>[] = [
    { key: 'label', header: t('dashboard.face.booths'), cell: (r) => r.label },
    {
      key: 'verifications',
      header: t('dashboard.face.verifications'),
      cell: (r) => format.number(r.counts.verifications),
    },
    {
      // A group too small to rate gets one note across the six rate and count columns.
      ...rated('match', t('dashboard.face.match')),
      cellProps: (r) => (r.enough ? {} : { colSpan: 6 }),
      cell: (r) =>
        r.enough ? (
          share(r.counts, r.counts.match)
        ) : (
          <Text size="xs" c="dimmed">
            {t('dashboard.face.tooFew')}
          </Text>
        ),
    },
    rated('inconclusive', t('dashboard.face.inconclusive')),
    rated('noMatch', t('dashboard.face.noMatch')),
    counted('noResult', t('dashboard.face.noResult')),
    counted('confirmedAfterNonMatch', t('dashboard.face.confirmedAfterNonMatch')),
    counted('notConfirmedAfterMatch', t('dashboard.face.notConfirmedAfterMatch')),
  ];
  return (
    <DataTable
      fz="sm"
      label={t('dashboard.face.table', { model: m.modelVersion })}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
}
