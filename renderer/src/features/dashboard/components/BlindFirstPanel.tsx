// Runs in: renderer. The supervisor's blind-first comparison (against automation bias): the day's
// judgements officers recorded before the score showed, against the band the withheld score gave
// (a cross table), per officer, and the comparisons where the two disagreed, to look at. The
// container asks main (reporting.blindFirst, an audited read: the disagreements name people)
// once per day and again when `revision` changes; BlindFirstTables draws it (props only).
import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FaceBand, Judgement } from '../../../../../ipc/channels/face';
import type { BlindFirstView, PortDayRequest } from '../../../../../ipc/channels/reporting';
import { useChannelQuery } from '../../../data/channel-hooks';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { DataTable, type DataColumn } from '../../../ui/DataTable';
import { EmptyNote } from '../../../ui/EmptyNote';
import { Section } from '../../../ui/Section';
import { useRefetchOnChange } from '../queries';
import { SourceContent } from './DashboardSource';

const JUDGEMENTS = ['same', 'different', 'unsure'] as const satisfies readonly Judgement[];
const BANDS = ['MATCH', 'INCONCLUSIVE', 'NO_MATCH', null] as const satisfies readonly (FaceBand | null)[];

type Officer = BlindFirstView['officers'][number];
type Disagreement = BlindFirstView['disagreements'][number];

export function BlindFirstTables({ view }: { view: BlindFirstView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const judgementLabel = (j: Judgement) => t(`booth.verify.blind.${j}`);
  const bandLabel = (b: FaceBand | null) => (b ? labels.band(b) : t('dashboard.face.noResult'));
  const count = (j: Judgement, b: FaceBand | null) =>
    view.cells.find((c) => c.judgement === j && c.band === b)?.count ?? 0;
  const sum = (k: 'judged' | 'agreed' | 'disagreed' | 'unsure') =>
    view.officers.reduce((n, o) => n + o[k], 0);

  if (view.cells.length === 0 && view.pending === 0)
    return <EmptyNote>{t('dashboard.blindFirst.none')}</EmptyNote>;

  const cross: DataColumn<Judgement>[] = [
    { key: 'judgement', header: t('dashboard.blindFirst.judgement'), cell: judgementLabel },
    ...BANDS.map((b) => ({
      key: b ?? 'none',
      header: bandLabel(b),
      cell: (j: Judgement) => format.number(count(j, b)),
    })),
  ];
  const officers: DataColumn<Officer>[] = [
    { key: 'officer', header: t('dashboard.blindFirst.officer'), cell: (o) => o.officer },
    { key: 'judged', header: t('dashboard.blindFirst.judged'), cell: (o) => format.number(o.judged) },
    { key: 'agreed', header: t('dashboard.blindFirst.agreed'), cell: (o) => format.number(o.agreed) },
    {
      key: 'disagreed',
      header: t('dashboard.blindFirst.disagreed'),
      cell: (o) => format.number(o.disagreed),
    },
    { key: 'unsure', header: t('dashboard.blindFirst.unsure'), cell: (o) => format.number(o.unsure) },
  ];
  const disagreements: DataColumn<Disagreement>[] = [
    { key: 'time', header: t('dashboard.blindFirst.time'), cell: (d) => format.time(d.at) },
    { key: 'person', header: t('dashboard.blindFirst.person'), cell: (d) => `${d.name} (${d.applicantId})` },
    { key: 'officer', header: t('dashboard.blindFirst.officer'), cell: (d) => d.officer },
    {
      key: 'judgement',
      header: t('dashboard.blindFirst.judgement'),
      cell: (d) => judgementLabel(d.judgement),
    },
    { key: 'band', header: t('dashboard.blindFirst.band'), cell: (d) => bandLabel(d.band) },
    {
      key: 'score',
      header: t('dashboard.blindFirst.score'),
      cell: (d) => (d.score === null ? '—' : d.score.toFixed(2)),
    },
  ];
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="blind-first-summary">
        {t('dashboard.blindFirst.summary', {
          judged: format.number(sum('judged')),
          agreed: format.number(sum('agreed')),
          disagreed: format.number(sum('disagreed')),
          unsure: format.number(sum('unsure')),
          pending: format.number(view.pending),
        })}
      </Text>
      <DataTable
        label={t('dashboard.blindFirst.crossLabel')}
        columns={cross}
        rows={JUDGEMENTS}
        rowKey={(j) => j}
      />
      <DataTable
        label={t('dashboard.blindFirst.officersLabel')}
        columns={officers}
        rows={view.officers}
        rowKey={(o) => o.officer}
      />
      <Title order={3} size="h5">
        {t('dashboard.blindFirst.disagreementsTitle')}
      </Title>
      {view.disagreements.length === 0 ? (
        <EmptyNote>{t('dashboard.blindFirst.noDisagreements')}</EmptyNote>
      ) : (
        <DataTable
          label={t('dashboard.blindFirst.disagreementsLabel')}
          columns={disagreements}
          rows={view.disagreements}
          rowKey={(d) => d.verificationId}
        />
      )}
    </Stack>
  );
}

/** The panel for a port-day, below the verification panel; `revision`: the day's blind comparisons. */
export function BlindFirstPanel({ day, revision }: { day: PortDayRequest; revision?: number }) {
  const { t } = useTranslation();
  const q = useChannelQuery('reporting.blindFirst', day, {
    // An audited read: asked for again when the day's blind comparisons change, not on a timer.
    staleTime: Infinity,
    meta: { silent: true },
  });
  const refetch = q.refetch;
  useRefetchOnChange(revision, refetch);
  return (
    <Section
      title={t('dashboard.blindFirst.title')}
      testId="blind-first"
      actions={
        <Button size="compact-sm" variant="default" loading={q.isFetching} onClick={() => void refetch()}>
          {t('dashboard.blindFirst.refresh')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('dashboard.blindFirst.intro')}
      </Text>
      <SourceContent query={q}>{(view) => <BlindFirstTables view={view} />}</SourceContent>
    </Section>
  );
}
