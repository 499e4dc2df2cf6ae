import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../api/client';
import { useMe, useUpdateMe } from '../api/session';
import { currentLocale, isLocale, setLanguage } from '../i18n';

/** БГ / EN: switches the UI at once; a signed-in user's choice is also saved to their profile. */
export function LanguageSwitch({
  size = 'xs',
  onChange,
}: {
  size?: 'xs' | 'sm';
  /** Called after the switch, e.g. to drop a message shown in the previous language. */
  onChange?: (locale: 'bg' | 'en') => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe(false).data;
  const updateMe = useUpdateMe();
  const value = isLocale(i18n.language) ? i18n.language : currentLocale();
  return (
    <SegmentedControl
      data-testid="language-switch"
      size={size}
      aria-label={t('lang.label')}
      value={value}
      data={[
        { value: 'bg', label: <span title={t('lang.bg')}>{t('lang.short_bg')}</span> },
        { value: 'en', label: <span title={t('lang.en')}>{t('lang.short_en')}</span> },
      ]}
      onChange={(next) => {
        if (!isLocale(next)) return;
        void setLanguage(next);
        onChange?.(next);
        if (me) {
          updateMe.mutate(
            { locale: next },
            { onError: (e) => notifications.show({ color: 'red', message: messageOf(e) }) },
          );
        }
      }}
    />
  );
}
