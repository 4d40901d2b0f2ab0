// Runs in: renderer. What the day's face comparisons and manual identity checks came to: the
// bands' shares, retries, manual checks, liveness advisories, officers' overrides and blind-first
// judgements; then the same per group (sex, age band, nationality, language) for accountability,
// groups too small to show suppressed; then face matching per model version (props only). These
// figures watch the matcher and the booths; nothing here feeds a decision.
import { useState, type ReactNode } from 'react';
import { Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  GroupDimension,
  VerificationCounts,
  VerificationGroup,
  VerificationView,
} from '../../../../../ipc/channels/reporting';
import { useFormat } from '../../../format';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { EmptyNote } from '../../../ui/EmptyNote';
import { Section } from '../../../ui/Section';
import { isAgeBand, isSexCode } from '../labels';

const DIMENSIONS = ['sex', 'age', 'nationality', 'language'] as const satisfies readonly GroupDimension[];

export function VerificationPanel({
  verification: v,
  actions,
  children,
}: {
  verification: VerificationView;
  actions?: ReactNode;
  /** Face matching per model version, shown under the day's figures. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const o = v.overall;
  const share = (n: number) => (o.verifications ? format.percent(n / o.verifications, 0) : '—');
  const tiles: [string, string, string][] = [
    [
      'verifications',
      t('dashboard.verification.comparisons'),
      t('dashboard.verification.forApplicants', {
        n: format.number(o.verifications),
        applicants: format.number(o.applicants),
      }),
    ],
    ['match', t('dashboard.face.match'), share(o.match)],
    ['inconclusive', t('dashboard.face.inconclusive'), share(o.inconclusive)],
    ['noMatch', t('dashboard.face.noMatch'), share(o.noMatch)],
    ['noResult', t('dashboard.face.noResult'), format.number(o.noResult)],
    [
      'retries',
      t('dashboard.verification.retries'),
      t('dashboard.verification.retriesValue', {
        n: format.number(o.retries),
        people: format.number(o.retried),
      }),
    ],
    [
      'manualChecks',
      t('dashboard.verification.manualChecks'),
      t('dashboard.verification.manualValue', {
        n: format.number(o.manualChecks),
        decided: format.number(o.decidedOnManualCheck),
      }),
    ],
    ['livenessAdvisories', t('dashboard.verification.liveness'), format.number(o.livenessAdvisories)],
    [
      'overrides',
      t('dashboard.verification.overrides'),
      t('dashboard.verification.overridesValue', {
        confirmed: format.number(o.confirmedAfterNonMatch),
        notConfirmed: format.number(o.notConfirmedAfterMatch),
      }),
    ],
    [
      'blind',
      t('dashboard.verification.blind'),
      t('dashboard.verification.blindValue', {
        n: format.number(o.blind),
        agreed: format.number(o.blindAgreed),
        disagreed: format.number(o.blindDisagreed),
      }),
    ],
  ];
  return (
    <Section title={t('dashboard.verification.title')} actions={actions} testId="verification">
      <Stack>
        {o.applicants === 0 ? (
          <EmptyNote>{t('dashboard.verification.none')}</EmptyNote>
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
              {tiles.map(([key, label, value]) => (
                <Paper key={key} withBorder p="xs" data-testid={`verification-${key}`}>
                  <Text size="xs" c="dimmed">
                    {label}
                  </Text>
                  <Text size="sm" fw={700}>
                    {value}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <GroupTable verification={v} />
          </>
        )}
        <Text size="xs" c="dimmed">
          {t('dashboard.verification.note', { min: v.minGroup })}
        </Text>
        {children}
      </Stack>
    </Section>
  );
}

function GroupTable({ verification: v }: { verification: VerificationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [dimension, setDimension] = useState<GroupDimension>('sex');
  const rows = v.groups.filter((g) => g.dimension === dimension);
  const dimensionLabel = (d: GroupDimension) => t(`dashboard.verification.dimensions.${d}`);
  const groupLabel = (g: VerificationGroup) =>
    g.dimension === 'sex' && isSexCode(g.group)
      ? t(`dashboard.verification.sex.${g.group}`)
      : g.dimension === 'age' && isAgeBand(g.group)
        ? t(`dashboard.verification.age.${g.group}`)
        : g.group;
  const pct = (c: VerificationCounts, n: number) =>
    c.verifications ? format.percent(n / c.verifications, 0) : '—';
  const num = (key: keyof VerificationCounts, header: string): DataColumn<VerificationGroup> => ({
    key,
    header,
    cell: (g) => format.number(g.counts![key]),
  });
  const columns: DataColumn<VerificationGroup>[] = [
    { key: 'group', header: dimensionLabel(dimension), cell: groupLabel },
    {
      // A suppressed group gets one note across every count.
      key: 'applicants',
      header: t('dashboard.verification.applicants'),
      cellProps: (g) => (g.counts ? {} : { colSpan: 9 }),
      cell: (g) =>
        g.counts ? (
          format.number(g.counts.applicants)
        ) : (
          <Text size="xs" c="dimmed">
            {t('dashboard.verification.fewer', { min: v.minGroup })}
          </Text>
        ),
    },
    num('verifications', t('dashboard.verification.comparisons')),
    { key: 'match', header: t('dashboard.face.match'), cell: (g) => pct(g.counts!, g.counts!.match) },
    {
      key: 'inconclusive',
      header: t('dashboard.face.inconclusive'),
      cell: (g) => pct(g.counts!, g.counts!.inconclusive),
    },
    { key: 'noMatch', header: t('dashboard.face.noMatch'), cell: (g) => pct(g.counts!, g.counts!.noMatch) },
    num('retries', t('dashboard.verification.retries')),
    num('manualChecks', t('dashboard.verification.manualChecks')),
    num('livenessAdvisories', t('dashboard.verification.liveness')),
    {
      key: 'overrides',
      header: t('dashboard.verification.overrides'),
      cell: (g) => format.number(g.counts!.confirmedAfterNonMatch + g.counts!.notConfirmedAfterMatch),
    },
  ];
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        w="fit-content"
        aria-label={t('dashboard.verification.byLabel')}
        value={dimension}
        onChange={(d) => setDimension(d as GroupDimension)}
        data={DIMENSIONS.map((d) => ({ value: d, label: dimensionLabel(d) }))}
      />
      <DataTable
        fz="sm"
        label={t('dashboard.verification.table', { dimension: dimensionLabel(dimension) })}
        columns={columns}
        rows={rows}
        rowKey={(g) => `${g.dimension}:${g.group}`}
      />
    </Stack>
  );
}
