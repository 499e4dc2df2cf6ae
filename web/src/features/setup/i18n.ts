import { defineMessages } from '../../i18n/messages';

/** The first-run setup, and the demo company's banner (shown on every screen of a demo company). */
export const setupMessages = defineMessages(
  {
    setup: {
      title: 'Добре дошли в Servix',
      intro:
        'Първоначална настройка: изберете как да започнете и създайте своя администраторски профил. Всичко останало може да промените по-късно от „Настройки“.',
      choice: 'Как искате да започнете?',
      own: 'Започни своята фирма',
      ownDescription:
        'Празна фирма с вашето име, за реална работа: въвеждате своите клиенти, каталог и склад (или ги внасяте от файл).',
      demoChoice: 'Опитай с демо фирма',
      demoChoiceDescription:
        'Фирма „{{name}}“ с измислени клиенти, каталог и склад, и по един демо потребител за всяка роля (управител, приемна, техник, складодържател, счетоводител) с парола „{{password}}“. Когато решите, я изтривате цялата и започвате своята.',
      demoCompany: 'Фирма: {{name}}',
      demoCompanyHint:
        'Името и реквизитите на демо фирмата са измислени. Вашият профил по-долу е истински: с него влизате.',
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
      submit: 'Създай и влез',
      version: 'Версия {{version}}',
    },
    demo: {
      banner: 'Това е демо фирма с измислени данни.',
      startOwn: 'Започни своята фирма',
      confirmTitle: 'Започване на своя фирма',
      confirmText:
        'Всички данни на демо фирмата ще бъдат изтрити: клиенти, каталог, склад, документи, журнал и потребители, включително вашият профил. След това започвате отначало с първоначалната настройка и създавате своята фирма. Това не може да се отмени.',
      confirmCheck: 'Разбирам, че всички демо данни се изтриват окончателно',
      confirm: 'Изтрий демо данните',
    },
  },
  {
    setup: {
      title: 'Welcome to Servix',
      intro:
        'First-run setup: choose how to start and create your administrator account. You can change everything else later under Settings.',
      choice: 'How do you want to start?',
      own: 'Start my company',
      ownDescription:
        'An empty company with your name, for real work: you enter your own customers, catalogue and stock (or import them from a file).',
      demoChoice: 'Try with a demo company',
      demoChoiceDescription:
        'A company called "{{name}}" (Demo Service Ltd) with invented customers, catalogue and stock, and one demo user for each role (manager, reception, technician, storekeeper, accountant) with the password "{{password}}". Whenever you decide, you delete it whole and start your own.',
      demoCompany: 'Company: {{name}} (Demo Service Ltd)',
      demoCompanyHint:
        'The demo company’s name and details are invented. Your account below is real: you sign in with it.',
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
      submit: 'Create and sign in',
      version: 'Version {{version}}',
    },
    demo: {
      banner: 'This is a demo company with invented data.',
      startOwn: 'Start my company',
      confirmTitle: 'Start your own company',
      confirmText:
        'All the demo company’s data will be deleted: customers, catalogue, stock, documents, the audit log and the users, your account included. Then you start again with the first-run setup and create your own company. This cannot be undone.',
      confirmCheck: 'I understand that all the demo data is deleted for good',
      confirm: 'Delete the demo data',
    },
  },
);
