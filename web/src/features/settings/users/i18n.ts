import { defineMessages } from '../../../i18n/messages';

/** Users and their roles. */
export const usersMessages = defineMessages(
  {
    users: {
      title: 'Потребители',
      description: 'Служителите, които работят със системата, и техните роли.',
      fullName: 'Име и фамилия',
      username: 'Потребителско име',
      email: 'Е-поща',
      role: 'Роля',
      language: 'Език',
      status: 'Състояние',
      lastLogin: 'Последен вход',
      never: 'Никога',
      add: 'Нов потребител',
      createTitle: 'Нов потребител',
      editTitle: 'Потребител {{username}}',
      password: 'Парола',
      newPassword: 'Нова парола',
      newPasswordHint: 'Оставете празно, за да не се променя. Потребителят ще трябва да влезе отново.',
      activeLabel: 'Активен (може да влиза)',
      created: 'Потребителят е създаден.',
    },
  },
  {
    users: {
      title: 'Users',
      description: 'The staff who work with Servix, and their roles.',
      fullName: 'Full name',
      username: 'Username',
      email: 'E-mail',
      role: 'Role',
      language: 'Language',
      status: 'Status',
      lastLogin: 'Last sign-in',
      never: 'Never',
      add: 'New user',
      createTitle: 'New user',
      editTitle: 'User {{username}}',
      password: 'Password',
      newPassword: 'New password',
      newPasswordHint: 'Leave empty to keep the current one. The user will have to sign in again.',
      activeLabel: 'Active (may sign in)',
      created: 'The user is created.',
    },
  },
);
