import { defineMessages } from '../../i18n/messages';

/** Closing an order with a document (ADR 0024): the order page's action, its dialog, and delivering without one. */
export const orderClosingMessages = defineMessages(
  {
    orderClosing: {
      action: 'Приключи с документ',
      title: 'Приключване на поръчка {{number}}',
      kind: 'Документ',
      kinds: {
        invoice: 'Фактура',
        sale_receipt: 'Касова бележка',
        goods_note: 'Стокова разписка',
      },
      kindHints: {
        invoice: 'Данъчен документ с реквизитите на клиента.',
        sale_receipt: 'Плащане в брой или с карта, през фискалното устройство.',
        goods_note: 'Разписка за предадените стоки и услуги, без данъчен ефект.',
      },
      zeroValue:
        'Клиентът не дължи нищо (гаранция или договор): поръчката се приключва със стокова разписка с нулева стойност.',
      lines: 'Редовете, които клиентът плаща',
      allLines: 'Предадено по гаранция или договор',
      warranty: 'гаранция',
      net: 'Без ДДС',
      vat: 'ДДС',
      total: 'Общо за плащане',
      method: 'Начин на плащане',
      methods: { cash: 'В брой', card: 'С карта', bank_transfer: 'По банков път' },
      account: 'Каса',
      noAccount: 'Няма каса: добавете каса в „Каси и банкови сметки“.',
      receivedBy: 'Получил (име)',
      dueDate: 'Падеж',
      submit: 'Издай',
      issued: '{{kind}} № {{number}} е издадена.',
      open: 'Отвори {{kind}} № {{number}}',
      openBilled: 'Документ: {{kind}}',
      deliverTitle: 'Предаване без документ',
      deliverHint:
        'Поръчката има сума за плащане и не е приключена с фактура, касова бележка или стокова разписка. Приключете я с документ или посочете причина.',
      deliverReason: 'Причина за предаване без документ',
      deliverConfirm: 'Предай без документ',
      deliveredWithout: 'Предадена без документ',
    },
  },
  {
    orderClosing: {
      action: 'Close with a document',
      title: 'Closing order {{number}}',
      kind: 'Document',
      kinds: {
        invoice: 'Invoice',
        sale_receipt: 'Sale receipt',
        goods_note: 'Goods delivery note',
      },
      kindHints: {
        invoice: "A tax document with the customer's requisites.",
        sale_receipt: 'Paid in cash or by card, through the fiscal device.',
        goods_note: 'A note of the goods and services handed over, with no tax effect.',
      },
      zeroValue:
        'The customer owes nothing (warranty or contract): the order is closed with a goods delivery note of zero value.',
      lines: 'The lines the customer pays',
      allLines: 'Handed over under warranty or contract',
      warranty: 'warranty',
      net: 'Net',
      vat: 'VAT',
      total: 'Total to pay',
      method: 'Payment method',
      methods: { cash: 'Cash', card: 'Card', bank_transfer: 'Bank transfer' },
      account: 'Cash desk',
      noAccount: 'No cash desk: add one under "Cash desks and bank accounts".',
      receivedBy: 'Received by (name)',
      dueDate: 'Due date',
      submit: 'Issue',
      issued: '{{kind}} No. {{number}} is issued.',
      open: 'Open {{kind}} No. {{number}}',
      openBilled: 'Document: {{kind}}',
      deliverTitle: 'Delivering without a document',
      deliverHint:
        'The order has an amount to pay and is not closed with an invoice, a sale receipt or a goods delivery note. Close it with a document or give the reason.',
      deliverReason: 'Reason for delivering without a document',
      deliverConfirm: 'Deliver without a document',
      deliveredWithout: 'Delivered without a document',
    },
  },
);
