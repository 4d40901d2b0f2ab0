// Runs in: renderer. A page that failed to render (or a chunk that failed to load): say so in
// the page's own h1 instead of a blank window.
import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CenteredScreen } from '../ui/CenteredScreen';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  return error instanceof Error ? error.message : String(error);
}

export function RouteError({ whole = false }: { whole?: boolean }) {
  const { t } = useTranslation();
  const error = useRouteError();
  const body = (
    <Stack>
      <Title order={1} size="h3">
        {t('shell.routeError.title')}
      </Title>
      <Alert color="red">{describe(error)}</Alert>
      <Anchor component={Link} to="/" reloadDocument={whole}>
        {t('shell.routeError.home')}
      </Anchor>
    </Stack>
  );
  return whole ? <CenteredScreen width={520}>{body}</CenteredScreen> : body;
}
