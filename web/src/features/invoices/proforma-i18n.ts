import { defineMessages } from '../../i18n/messages';

/** Proforma invoices (INV-13): the list, the proforma page, the order's "Proforma" action. */
export const proformaMessages = defineMessages(
  {
    proformas: {
      nav: { list: 'Проформа фактури' },
      status: { issued: 'Издадена', converted: 'Превърната във фактура', cancelled: 'Анулирана' },
      list: {
        title: 'Проформа фактури',
        description:
          'Проформа фактурите нямат данъчен ефект: не влизат в дневника за продажбите и в задълженията на клиента.',
        searchHint: 'Номер, получател, ЕИК',
        allStatuses: 'Всички статуси',
        empty: 'Още няма проформа фактури.',
        hint: 'Проформа фактура се издава от сервизна поръчка с бутона „Проформа фактура“.',
      },
      title: 'Проформа фактура {{number}}',
      noTax: 'Проформа фактурата не е данъчен документ: превърнете я във фактура, когато клиентът плати.',
      details: 'Данни за проформата',
      validUntil: 'Валидна до',
      convert: 'Превърни във фактура',
      convertTitle: 'Фактура по проформа {{number}}',
      convertHint:
        'Фактурата се издава веднага със следващия номер от поредицата на фактурите, с редовете на проформата и реквизитите към днешна дата.',
      converted: 'Издадена е фактура {{number}}.',
      withoutPersonalId: 'Клиентът не предоставя ЕГН/ЛНЧ: издай фактурата без него',
      invoice: 'Фактура',
      fromProforma: 'По проформа фактура',
      cancel: 'Анулирай',
      cancelTitle: 'Анулиране на проформа фактура {{number}}',
      cancelReason: 'Причина',
      cancelled: 'Проформа фактура {{number}} е анулирана.',
      cancelledBecause: 'Анулирана: {{reason}}',
      orderAction: 'Проформа фактура',
      orderMade: 'Издадена е проформа фактура {{number}}.',
    },
    invoices: {
      advance: {
        action: 'Авансова фактура',
        badge: 'Авансова',
        title: 'Авансова фактура по поръчка {{number}}',
        hint: 'Фактура за получен аванс: един ред „Аванс по сервизна поръчка“ с ДДС 20 %, издава се веднага. Приспада се от окончателната фактура.',
        base: 'Данъчна основа на аванса (€)',
        submit: 'Издай авансова фактура',
        deduct: 'Приспадни аванс по фактура {{number}} от {{date}} (основа {{base}})',
      },
    },
  },
  {
    proformas: {
      nav: { list: 'Proforma invoices' },
      status: { issued: 'Issued', converted: 'Converted into an invoice', cancelled: 'Cancelled' },
      list: {
        title: 'Proforma invoices',
        description:
          'Proforma invoices have no tax effect: they are not in the VAT sales journal nor in what the customer owes.',
        searchHint: 'Number, recipient, UIC',
        allStatuses: 'All statuses',
        empty: 'No proforma invoices yet.',
        hint: 'A proforma invoice is issued from a service order with the "Proforma invoice" button.',
      },
      title: 'Proforma invoice {{number}}',
      noTax: 'A proforma invoice is not a tax document: convert it into an invoice once the customer pays.',
      details: 'Proforma details',
      validUntil: 'Valid until',
      convert: 'Convert into an invoice',
      convertTitle: 'Invoice for proforma {{number}}',
      convertHint:
        "The invoice is issued at once with the next number of the invoice series, with the proforma's lines and today's requisites.",
      converted: 'Invoice {{number}} issued.',
      withoutPersonalId: 'The customer gives no personal ID (ЕГН/ЛНЧ): issue the invoice without it',
      invoice: 'Invoice',
      fromProforma: 'Under proforma invoice',
      cancel: 'Cancel',
      cancelTitle: 'Cancel proforma invoice {{number}}',
      cancelReason: 'Reason',
      cancelled: 'Proforma invoice {{number}} cancelled.',
      cancelledBecause: 'Cancelled: {{reason}}',
      orderAction: 'Proforma invoice',
      orderMade: 'Proforma invoice {{number}} issued.',
    },
    invoices: {
      advance: {
        action: 'Advance invoice',
        badge: 'Advance',
        title: 'Advance invoice for order {{number}}',
        hint: 'An invoice for an advance received: one line "Advance for service order" with 20 % VAT, issued at once. It is deducted on the final invoice.',
        base: 'Tax base of the advance (€)',
        submit: 'Issue the advance invoice',
        deduct: 'Deduct the advance of invoice {{number}} of {{date}} (base {{base}})',
      },
    },
  },
);
