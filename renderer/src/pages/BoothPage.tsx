// Runs in: renderer. Officer's booth: today's queue, verification and disposition land here.
import { Alert, Stack, Title } from '@mantine/core';

export function BoothPage() {
  return (
    <Stack>
      <Title order={2}>Booth</Title>
      <Alert color="gray" title="Today's queue">
        No manifest has been synced for this port yet. Arrivals appear here once the port's daily manifest is synced.
      </Alert>
    </Stack>
  );
}
