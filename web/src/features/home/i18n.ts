import { defineMessages } from '../../i18n/messages';

/** The home page. */
export const homeMessages = defineMessages(
  {
    home: {
      welcome: 'Здравейте, {{name}}!',
      yourRole: 'Вашата роля: {{role}}',
      shortcuts: 'Бързи връзки',
      companyCard: 'Фирма',
      uic: 'ЕИК',
      vatNumber: 'ИН по ДДС',
      notFilled: 'Реквизитите на фирмата още не са попълнени.',
      fillCompany: 'Попълнете реквизитите',
      shortcut: {
        company: 'Реквизити, адрес, банкови сметки и лого',
        numbering: 'Серии и поредни номера на документите',
        users: 'Служители, роли и достъп',
        apiTokens: 'Ключове за интеграции с други системи',
        audit: 'Кой какво е променил и кога',
        jobs: 'Импорти и друга дълга работа: напредък и грешки',
      },
    },
  },
  {
    home: {
      welcome: 'Hello, {{name}}!',
      yourRole: 'Your role: {{role}}',
      shortcuts: 'Shortcuts',
      companyCard: 'Company',
      uic: 'UIC',
      vatNumber: 'VAT number',
      notFilled: "The company's details are not filled in yet.",
      fillCompany: 'Fill in the details',
      shortcut: {
        company: 'Company details, address, bank accounts and logo',
        numbering: 'Document series and their next numbers',
        users: 'Staff, roles and access',
        apiTokens: 'Keys for integrations with other systems',
        audit: 'Who changed what, and when',
        jobs: 'Imports and other long work: progress and errors',
      },
    },
  },
);
