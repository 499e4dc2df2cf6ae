import { defineMessages } from '../i18n/messages';

/** The shell's texts: the main menu, the roles, the user menu. */
export const appMessages = defineMessages(
  {
    nav: {
      main: 'Основно меню',
      toggle: 'Покажи или скрий менюто',
      home: 'Начало',
      settings: 'Настройки',
      company: 'Фирма',
      numbering: 'Номерация на документи',
      users: 'Потребители',
      apiTokens: 'API ключове',
      audit: 'Журнал на промените',
      jobs: 'Фонови задачи',
    },
    roles: {
      admin: 'Администратор',
      manager: 'Управител',
      reception: 'Приемна',
      technician: 'Техник',
      storekeeper: 'Складодържател',
      accountant: 'Счетоводител',
      auditor: 'Одитор (НАП, само четене)',
    },
    userMenu: {
      label: 'Потребителско меню',
      signOut: 'Изход',
    },
  },
  {
    nav: {
      main: 'Main menu',
      toggle: 'Show or hide the menu',
      home: 'Home',
      settings: 'Settings',
      company: 'Company',
      numbering: 'Numbering series',
      users: 'Users',
      apiTokens: 'API tokens',
      audit: 'Audit log',
      jobs: 'Background jobs',
    },
    roles: {
      admin: 'Administrator',
      manager: 'Manager',
      reception: 'Reception',
      technician: 'Technician',
      storekeeper: 'Storekeeper',
      accountant: 'Accountant',
      auditor: 'Auditor (NAP, read only)',
    },
    userMenu: {
      label: 'User menu',
      signOut: 'Sign out',
    },
  },
);
