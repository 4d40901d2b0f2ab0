// Runs in: renderer. The travel group (props only): each member with where their case stands
// (status, open flags), this one marked; any other opens from here, so a family is processed
// member by member without losing the place in the queue.
import { Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../../ipc/channels/applicant';
import { StatusBadge } from '../../../ui/StatusBadge';

export type GroupMember = ApplicantView['group'][number];

/** Statuses with nothing left to do at the booth. */
const DONE = new Set(['completed', 'no_show', 'cancelled']);

/** The next member after `currentId` (in list order, wrapping round) whose case is still open. */
export function nextInGroup(group: readonly GroupMember[], currentId: string): GroupMember | null {
  const at = group.findIndex((m) => m.applicantId === currentId);
  for (let i = 1; i < group.length; i++) {
    const m = group[(at + i) % group.length]!;
    if (m.applicantId !== currentId && !DONE.has(m.status ?? '')) return m;
  }
  return null;
}

export function GroupList({
  group,
  currentId,
  linkTo,
}: {
  group: readonly GroupMember[];
  currentId: string;
  linkTo: (applicantId: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table layout="fixed" verticalSpacing={4} aria-label={t('booth.group.label')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="46%">{t('booth.group.columns.name')}</Table.Th>
          <Table.Th>{t('booth.group.columns.born')}</Table.Th>
          <Table.Th>{t('booth.group.columns.status')}</Table.Th>
          <Table.Th>{t('booth.group.columns.flags')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {group.map((m) => {
          const name = t('booth.name', { family: m.familyNames, given: m.givenNames });
          const current = m.applicantId === currentId;
          return (
            <Table.Tr
              key={m.applicantId}
              aria-current={current ? 'true' : undefined}
              bg={current ? 'indigo.0' : undefined}
            >
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {current ? (
                  <Group gap={4}>
                    <Text size="sm" fw={700}>
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('booth.group.thisPerson')}
                    </Text>
                  </Group>
                ) : (
                  <Text size="sm" component={Link} to={linkTo(m.applicantId)} c="indigo.8" td="underline">
                    {name}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.dob}</Text>
              </Table.Td>
              <Table.Td>{m.status && <StatusBadge status={m.status} size="sm" />}</Table.Td>
              <Table.Td>
                {m.openFlags > 0 ? (
                  <Badge size="sm" color="orange" variant="light">
                    {t('booth.flags.openCount', { count: m.openFlags })}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('booth.flags.noneShort')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
