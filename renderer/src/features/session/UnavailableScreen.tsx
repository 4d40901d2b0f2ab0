// Runs in: renderer. Main did not answer the first questions (app.info, auth.session). Props only.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CenteredScreen } from '../../ui/CenteredScreen';
import { InlineError } from '../../ui/InlineError';

export function UnavailableScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <CenteredScreen width={520}>
      <Stack>
        <Title order={1} size="h3">
          {t('common.errors.unavailable')}
        </Title>
        <InlineError message={message} />
      </Stack>
    </CenteredScreen>
  );
}
