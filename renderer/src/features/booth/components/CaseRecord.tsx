// Runs in: renderer. One applicant's record (props only): name as a heading, appointments,
// submitted photo beside the details, and who they travel with.
import type { Ref } from 'react';
import { Alert, Badge, Group, Image, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../../ipc/channels/applicant';
import { useFormat } from '../../../format';
import { useLabels } from '../../../i18n/labels';
import { Section } from '../../../ui/Section';

export function CaseRecord({
  applicant: a,
  titleRef,
}: {
  applicant: ApplicantView;
  titleRef?: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const address = [a.address.line1, a.address.line2, `${a.address.city}, ${a.address.state} ${a.address.zip}`]
    .filter(Boolean)
    .join(', ');
  // [label, value, may break inside a word]: long emails and addresses wrap inside the card
  // instead of running out of it; ids stay whole.
  const rows: Array<[string, string, boolean?]> = [
    [t('booth.case.fields.registration'), a.applicantId],
    [t('booth.case.fields.dob'), a.dob],
    [
      t('booth.case.fields.document'),
      a.document ? t('booth.case.documentValue', { ...a.document }) : t('booth.case.noDocument'),
    ],
    [t('booth.case.fields.address'), address, true],
    [t('booth.case.fields.phone'), a.phone],
    [t('booth.case.fields.email'), a.email, true],
    [t('booth.case.fields.language'), a.language],
  ];
  const others = a.group.filter((m) => m.applicantId !== a.applicantId);
  return (
    <Section
      title={t('booth.name', { family: a.familyNames, given: a.givenNames })}
      titleSize="h3"
      titleRef={titleRef}
      actions={
        <Group gap="xs">
          {a.appointments.map((x) => (
            <Badge key={x.appointmentId} size="lg">
              {t('booth.case.appointment', { status: labels.status(x.status), time: format.time(x.slot) })}
            </Badge>
          ))}
        </Group>
      }
    >
      <Stack>
        {a.nameAsWritten !== `${a.givenNames} ${a.familyNames}` && (
          <Text c="dimmed" mt={-12}>
            {t('booth.case.asWritten', { name: a.nameAsWritten })}
          </Text>
        )}
        <Group align="flex-start" wrap="nowrap">
          <Stack gap={4} w={220} style={{ flexShrink: 0 }}>
            <Text size="sm" fw={600}>
              {t('booth.case.photo')}
            </Text>
            {a.photo ? (
              <Image src={a.photo} alt={t('booth.case.photo')} w={220} radius="md" />
            ) : (
              <Alert color="gray" p="xs">
                <Text size="sm">{a.photoMissingReason}</Text>
              </Alert>
            )}
            {a.photoCapturedAt && (
              <Text size="xs" c="dimmed">
                {t('booth.case.photoTaken', { when: format.dateTime(a.photoCapturedAt) })}
              </Text>
            )}
          </Stack>
          <Table>
            <Table.Tbody>
              {rows.map(([k, v, breakable]) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row">{k}</Table.Th>
                  <Table.Td style={breakable ? { overflowWrap: 'anywhere' } : undefined}>{v}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Group>
        {others.length > 0 && (
          <div>
            <Title order={3} size="h6" fw={600}>
              {t('booth.case.travellingWith')}
            </Title>
            <List>
              {others.map((m) => (
                <List.Item key={m.applicantId}>
                  {t('booth.case.member', {
                    name: t('booth.name', { family: m.familyNames, given: m.givenNames }),
                    dob: m.dob,
                  })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Section>
  );
}
