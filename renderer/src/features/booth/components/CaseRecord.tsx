// Runs in: renderer. One applicant's record as a table (props only): registration, birth,
// document, address, contacts, language. Long values wrap inside the card (fixed layout), never
// out of it.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../../ipc/channels/applicant';
import { useFormat } from '../../../format';

export function CaseRecord({ applicant: a }: { applicant: ApplicantView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const address = [a.address.line1, a.address.line2, `${a.address.city}, ${a.address.state} ${a.address.zip}`]
    .filter(Boolean)
    .join(', ');
  const rows: Array<[string, string]> = [
    [t('booth.case.fields.registration'), a.applicantId],
    [t('booth.case.fields.dob'), a.dob],
    [
      t('booth.case.fields.document'),
      a.document ? t('booth.case.documentValue', { ...a.document }) : t('booth.case.noDocument'),
    ],
    [t('booth.case.fields.address'), address],
    [t('booth.case.fields.phone'), a.phone],
    [t('booth.case.fields.email'), a.email],
    [t('booth.case.fields.language'), a.language],
    [
      t('booth.case.fields.photoTaken'),
      a.photoCapturedAt ? format.dateTime(a.photoCapturedAt) : t('booth.case.noPhotoTime'),
    ],
  ];
  return (
    <Table layout="fixed" verticalSpacing={4} aria-label={t('booth.case.detailsLabel')}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th scope="row" w="34%">
              <Text size="sm" fw={600}>
                {k}
              </Text>
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Text size="sm">{v}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
