import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { theme } from './theme';

function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  return (
    <DatesProvider settings={{ locale: instance.language, firstDayOfWeek: 1 }}>{children}</DatesProvider>
  );
}

/** Everything a screen needs around it, except the router: used by the app and by component tests. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LocalizedDates>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </LocalizedDates>
      </MantineProvider>
    </I18nextProvider>
  );
}
