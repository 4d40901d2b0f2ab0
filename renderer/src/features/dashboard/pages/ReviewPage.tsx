// Runs in: renderer. The dashboard's review tab, /dashboard/review (container): the day's flags
// to review, a page at a time, each opening its case and evidence in place and taking a verdict
// with a note; then the day's flags by rule (chart and table) with the precision reviews give.
// The queue names people (an audited read): asked again only when the day's flags change.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FlagsByRuleTable } from '../components/FlagsByRuleTable';
import { SourceContent } from '../components/DashboardSource';
import { ReviewFlagList } from '../components/ReviewFlagList';
import { FlagCase } from '../FlagCase';
import { useFlagFeedback } from '../mutations';
import { useDayList } from '../outlet';
import { useFlagReview } from '../queries';

export default function ReviewPage() {
  const { t } = useTranslation();
  // Asked again when the day's flags per rule change in number (a verdict refetches it itself:
  // it only moves a flag from open to reviewed).
  const {
    dash,
    exporter,
    list: review,
  } = useDayList(
    useFlagReview,
    (d) =>
      `${d.port}:${d.serviceDate}:${d.flagRules.map((r) => r.open + r.acknowledged + r.reviewed).join()}`,
  );
  const feedback = useFlagFeedback();
  const d = dash.data;
  return (
    <Stack gap="sm">
      <SourceContent query={review}>
        {(r) => (
          <ReviewFlagList
            flags={r.queue}
            total={r.total}
            onVerdict={(flagId, verdict, note) =>
              feedback.mutate({ flagId, verdict, ...(note !== undefined && { note }) })
            }
            pending={feedback.isPending && feedback.variables ? feedback.variables : null}
            renderCase={(f) => <FlagCase flag={f} />}
          />
        )}
      </SourceContent>
      {d && (
        <FlagsByRuleTable rules={d.flagRules} actions={exporter('flagRules', t('dashboard.flags.title'))} />
      )}
    </Stack>
  );
}
