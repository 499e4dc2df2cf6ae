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
      firstSteps: {
        title: 'Първи стъпки',
        progress: '{{done}} от {{total}}',
        intro: 'Подредете фирмата в този ред. Всяка стъпка се отмята сама, щом данните са въведени.',
        done: 'Готово',
        open: 'Предстои',
        notYours: 'Това не е във вашите права: прави го администраторът или управителят.',
        next: 'Следват сервизните поръчки, посещенията и фактурите: те още се изграждат и ще се появят в менюто, когато са готови.',
        allDone: 'Първи стъпки: готово',
        company: {
          title: 'Реквизити на фирмата',
          why: 'Името, ЕИК и адресът стоят на всеки документ, който сервизът издава.',
          action: 'Попълнете реквизитите',
        },
        warehouse: {
          title: 'Склад',
          why: 'Частите се заприхождават в склад и се изписват от него; бусът на техник също е склад.',
          action: 'Създайте склад',
        },
        catalog: {
          title: 'Каталог',
          why: 'Марките и моделите описват уредите на клиентите, а частите — какво влагате в ремонта.',
          action: 'Марки и модели',
          parts: 'Резервни части',
          import: 'Импорт от файл',
        },
        technicians: {
          title: 'Техници',
          why: 'Техниците поемат ремонтите и посещенията; тук са уменията и работното им време.',
          action: 'Добавете техник',
        },
        users: {
          title: 'Потребители',
          why: 'Всеки служител влиза със свое име и роля, така всяка промяна има автор.',
          action: 'Добавете потребител',
        },
        numbering: {
          title: 'Номерация на документите',
          why: 'Проверете сериите и от кой номер продължават, преди първият документ да вземе номер.',
          action: 'Прегледайте сериите',
        },
        stockReceipt: {
          title: 'Първа доставка в склада',
          why: 'Заприходете частите, които имате, за да се знае какво има и колко струва.',
          action: 'Нова доставка',
        },
      },
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
      firstSteps: {
        title: 'First steps',
        progress: '{{done}} of {{total}}',
        intro: 'Set the company up in this order. Each step ticks itself once its data is in.',
        done: 'Done',
        open: 'To do',
        notYours: 'Your role cannot do this: an administrator or a manager does.',
        next: 'Service orders, visits and invoices come next: they are still being built and will appear in the menu when ready.',
        allDone: 'First steps: done',
        company: {
          title: 'Company details',
          why: 'The name, UIC and address appear on every document the service issues.',
          action: 'Fill in the details',
        },
        warehouse: {
          title: 'Warehouse',
          why: 'Parts are received into a warehouse and issued from it; a technician’s van is one too.',
          action: 'Create a warehouse',
        },
        catalog: {
          title: 'Catalogue',
          why: 'Brands and models describe your customers’ appliances; parts are what goes into a repair.',
          action: 'Brands and models',
          parts: 'Spare parts',
          import: 'Import from a file',
        },
        technicians: {
          title: 'Technicians',
          why: 'Technicians take the repairs and visits; their skills and working hours live here.',
          action: 'Add a technician',
        },
        users: {
          title: 'Users',
          why: 'Each employee signs in with their own name and role, so every change has an author.',
          action: 'Add a user',
        },
        numbering: {
          title: 'Document numbering',
          why: 'Check the series and the number they continue from before the first document takes one.',
          action: 'Review the series',
        },
        stockReceipt: {
          title: 'First stock receipt',
          why: 'Receive the parts you have, so the stock and its value are known.',
          action: 'New receipt',
        },
      },
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
