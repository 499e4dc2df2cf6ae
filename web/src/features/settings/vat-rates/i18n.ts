import { defineMessages } from '../../../i18n/messages';

/** The dated VAT rates (INV-08). */
export const vatRatesMessages = defineMessages(
  {
    vatRates: {
      nav: 'Ставки на ДДС',
      shortcut: 'Ставки на ДДС и датите, от които важат',
      title: 'Ставки на ДДС',
      description:
        'Ставките са данни с дата, от която важат. Ред на документ, който посочва вида ставка, взима ставката, валидна към датата на данъчното събитие. При промяна по закон добавете новата ставка от деня, в който влиза в сила; издадените документи не се променят.',
      current: 'В сила днес',
      history: 'Всички ставки',
      kind: 'Вид',
      rate: 'Ставка',
      validFrom: 'В сила от',
      reason: 'Основание',
      add: 'Нова ставка',
      addTitle: 'Нова ставка на ДДС',
      rateHint: 'В проценти, напр. 20 или 9,5; за 0 % и освободени доставки: 0.',
      reasonHint: 'Задължително за 0 % и освободени доставки (чл. от ЗДДС); печата се на документа.',
      added: 'Ставката е добавена.',
      kinds: {
        standard: 'Основна',
        reduced: 'Намалена',
        zero: '0 %',
        exempt: 'Освободена доставка',
      },
    },
  },
  {
    vatRates: {
      nav: 'VAT rates',
      shortcut: 'VAT rates and the days they take effect',
      title: 'VAT rates',
      description:
        'Rates are data with the day they take effect. A document line that names a kind of rate takes the rate valid on its tax event date. When the law changes a rate, add the new rate from the day it takes effect; issued documents do not change.',
      current: 'In force today',
      history: 'All rates',
      kind: 'Kind',
      rate: 'Rate',
      validFrom: 'Valid from',
      reason: 'Legal ground',
      add: 'New rate',
      addTitle: 'New VAT rate',
      rateHint: 'In per cent, e.g. 20 or 9.5; 0 for 0 % and exempt supplies.',
      reasonHint: 'Required for 0 % and exempt supplies (article of the VAT act); printed on the document.',
      added: 'The rate is added.',
      kinds: {
        standard: 'Standard',
        reduced: 'Reduced',
        zero: '0 %',
        exempt: 'Exempt supply',
      },
    },
  },
);
