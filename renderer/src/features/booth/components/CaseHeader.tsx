// Runs in: renderer. The top of an open case (props only): the name as the case's heading, how
// many flags are still open, each appointment's slot and status; under it the registration id,
// the date of birth and the name as written. (The group's size is on its tab.)
import type { Ref } from 'react';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../../ipc/channels/applicant';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { StatusBadge, WHOLE_BADGE } from '../../../ui/StatusBadge';

export function CaseHeader({
  applicant: a,
  titleRef,
}: {
  applicant: ApplicantView;
  titleRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const open = a.flags.filter((f) => !f.acknowledgedAt).length;
  const asWritten = a.nameAsWritten !== `${a.givenNames} ${a.familyNames}` ? a.nameAsWritten : null;
  return (
    <Stack gap={0}>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Title
          order={2}
          size="h3"
          ref={titleRef}
          tabIndex={-1}
          style={{ minWidth: 0, overflowWrap: 'anywhere' }}
        >
          {t('booth.name', { family: a.familyNames, given: a.givenNames })}
        </Title>
        <Group gap={4} wrap="nowrap">
          <Badge
            variant="light"
            color={open ? 'orange' : a.flags.length ? 'gray' : 'green'}
            data-testid="case-flags"
            styles={WHOLE_BADGE}
          >
            {a.flags.length === 0
              ? t('booth.flags.noneShort')
              : open
                ? t('booth.flags.openCount', { count: open })
                : t('booth.flags.allAcknowledged')}
          </Badge>
          {a.appointments.map((x) => (
            <StatusBadge key={x.appointmentId} status={x.status} size="lg" data-testid="case-status">
              {t('booth.case.appointment', { status: labels.status(x.status), time: format.time(x.slot) })}
            </StatusBadge>
          ))}
        </Group>
      </Group>
      <Group gap={8} wrap="wrap">
        <Text size="sm" ff="monospace">
          {a.applicantId}
        </Text>
        <Text size="sm">{t('booth.case.born', { dob: a.dob })}</Text>
        {asWritten && (
          <Text size="sm" c="dimmed">
            {t('booth.case.asWritten', { name: asWritten })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
