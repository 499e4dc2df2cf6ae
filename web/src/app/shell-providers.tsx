/**
 * What the screens after the sign-in (and the first-run setup) need and the sign-in screen does not: every Mantine
 * component's styles, date inputs in the user's language, notifications. Downloaded with those screens (see
 * first-screens.ts), so the sign-in screen's first load stays small.
 */
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '../i18n/dates';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ShellProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      <Notifications position="top-right" />
      {children}
    </DatesProvider>
  );
}
