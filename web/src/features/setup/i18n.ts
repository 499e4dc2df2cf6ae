import { defineMessages } from '../../i18n/messages';

/** The first-run setup. */
export const setupMessages = defineMessages(
  {
    setup: {
      title: 'Добре дошли в Servix',
      intro:
        'Първоначална настройка: въведете фирмата и създайте първия администратор. Всичко останало може да промените по-късно от „Настройки“.',
      companySection: 'Фирма',
      companyName: 'Име на фирмата',
      companyNameHint: 'Както ще стои в документите, напр. „Сервиз Техноплюс ЕООД“.',
      adminSection: 'Администратор',
      adminFullName: 'Име и фамилия',
      adminUsername: 'Потребителско име',
      usernameHint: 'Букви от една азбука, цифри и . _ @ - (поне 3 знака).',
      password: 'Парола',
      passwordHint: 'Поне 12 знака; не често срещана или лесна за отгатване парола.',
      passwordConfirm: 'Повторете паролата',
      language: 'Език на интерфейса',
      demo: 'Зареди демо данни',
      demoDescription:
        'Попълва примерни реквизити и банкова сметка на фирмата и създава по един потребител за всяка роля (управител, приемна, техник, складодържател, счетоводител) с парола „servix-demo-2026“. Удобно за разглеждане; не го избирайте за реална работа.',
      submit: 'Създай и влез',
      version: 'Версия {{version}}',
    },
  },
  {
    setup: {
      title: 'Welcome to Servix',
      intro:
        'First-run setup: enter your company and create the first administrator. You can change everything else later under Settings.',
      companySection: 'Company',
      companyName: 'Company name',
      companyNameHint: 'As it will appear on documents, e.g. "Servix Techno Ltd".',
      adminSection: 'Administrator',
      adminFullName: 'Full name',
      adminUsername: 'Username',
      usernameHint: 'Letters of one alphabet, digits and . _ @ - (at least 3 characters).',
      password: 'Password',
      passwordHint: 'At least 12 characters; not a common or easily guessed password.',
      passwordConfirm: 'Repeat the password',
      language: 'Interface language',
      demo: 'Load demo data',
      demoDescription:
        'Fills in sample company details and a bank account, and creates one user for each role (manager, reception, technician, storekeeper, accountant) with the password "servix-demo-2026". Handy for a tour; do not choose it for real work.',
      submit: 'Create and sign in',
      version: 'Version {{version}}',
    },
  },
);
