import { defineMessages } from '../../i18n/messages';

/** The global search. */
export const searchMessages = defineMessages(
  {
    search: {
      label: 'Търсене',
      placeholder: 'Клиент, сериен номер, част…',
      customers: 'Клиенти',
      items: 'Уреди',
      parts: 'Части',
      nothingFound: 'Нищо не е намерено за „{{q}}“.',
    },
  },
  {
    search: {
      label: 'Search',
      placeholder: 'Customer, serial number, part…',
      customers: 'Customers',
      items: 'Items',
      parts: 'Parts',
      nothingFound: 'Nothing found for "{{q}}".',
    },
  },
);
