// Runs in: tests (jsdom). Renders a component as the app does: Mantine theme, i18n, the port's
// time zone. Presentational components take props only, so nothing else is needed. The
// providers wrap as a wrapper, so rerender() with new props keeps them.
import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../../renderer/src/i18n';
import { FormatProvider } from '../../../renderer/src/format';
import { cssVariablesResolver, theme } from '../../../renderer/src/ui/theme';

export function renderUi(ui: ReactElement, opts: { timeZone?: string } = {}) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <I18nextProvider i18n={i18n}>
        <FormatProvider timeZone={opts.timeZone ?? 'America/Los_Angeles'}>{children}</FormatProvider>
      </I18nextProvider>
    </MantineProvider>
  );
  return render(ui, { wrapper });
}
