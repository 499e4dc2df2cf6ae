import { defineMessages } from '../../i18n/messages';

/** Adding a missing model (and its brand and category) in place, from a form that needs one. */
export const addModelMessages = defineMessages(
  {
    addModel: {
      offer: 'Добави модел „{{name}}“',
      offerEmpty: 'Добави модел',
      notAllowed: 'Моделът не е в каталога. Модели добавят администраторът и управителят.',
      title: 'Нов модел в каталога',
      intro: 'Моделът ще се запише в каталога и ще бъде избран във формата.',
      brand: 'Марка',
      brandHint: 'Изберете марка или напишете нова',
      newBrand: 'Нова марка „{{name}}“',
      category: 'Категория',
      categoryHint: 'Видът уред, напр. „Климатици“; изберете или напишете нова',
      newCategory: 'Нова категория „{{name}}“',
      name: 'Модел',
      nameHint: 'Както е на табелката на уреда',
      save: 'Добави модела',
      added: 'Моделът {{name}} е добавен в каталога',
    },
  },
  {
    addModel: {
      offer: 'Add model “{{name}}”',
      offerEmpty: 'Add a model',
      notAllowed: 'The model is not in the catalogue. Administrators and managers add models.',
      title: 'New model in the catalogue',
      intro: 'The model is saved to the catalogue and chosen in the form.',
      brand: 'Brand',
      brandHint: 'Choose a brand or type a new one',
      newBrand: 'New brand “{{name}}”',
      category: 'Category',
      categoryHint: 'The kind of appliance, e.g. “Air conditioners”; choose one or type a new one',
      newCategory: 'New category “{{name}}”',
      name: 'Model',
      nameHint: 'As on the appliance’s rating plate',
      save: 'Add the model',
      added: 'Model {{name}} added to the catalogue',
    },
  },
);
