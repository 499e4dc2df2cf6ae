/**
 * Dates in the user's language: dayjs (under Mantine's date inputs) with the Bulgarian locale, switched with the
 * UI. Loaded with the screens that show dates, not with the sign-in screen.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/bg';
import { currentLocale, i18n, isLocale } from './index';

dayjs.locale(currentLocale());
i18n.on('languageChanged', (lng) => {
  dayjs.locale(isLocale(lng) ? lng : 'bg');
});
