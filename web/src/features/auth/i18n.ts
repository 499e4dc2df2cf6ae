import { defineMessages } from '../../i18n/messages';

/** Signing in. */
export const authMessages = defineMessages(
  {
    auth: {
      title: 'Вход в Servix',
      subtitle: 'Сервизно обслужване и управление на ремонти',
      username: 'Потребителско име',
      password: 'Парола',
      submit: 'Вход',
    },
  },
  {
    auth: {
      title: 'Sign in to Servix',
      subtitle: 'Repair and field-service management',
      username: 'Username',
      password: 'Password',
      submit: 'Sign in',
    },
  },
);
