import { defineMessages } from '../../i18n/messages';
import { stockDocumentsBg, stockDocumentsEn } from './documents/i18n';
import { stockReportsBg, stockReportsEn } from './reports/i18n';

/** The stock section's texts: the menu, the documents (documents/i18n.ts) and the reports (reports/i18n.ts). */
const stockBg = {
  nav: {
    section: 'Склад',
    levels: 'Наличности',
    documents: 'Складови документи',
    low: 'Под минимум',
    valuation: 'Оценка на склада',
    warehouses: 'Складове и бусове',
  },
  summary: {
    title: 'Склад',
    myVan: 'Моят бус {{code}}',
    myVanHint: 'Части в буса ви',
    lowHint: 'Части за поръчка при доставчиците',
    drafts: 'Чернови документи',
    draftsHint: 'Чакат осчетоводяване',
  },
  docs: stockDocumentsBg,
  reports: stockReportsBg,
};

const stockEn = {
  nav: {
    section: 'Stock',
    levels: 'Stock levels',
    documents: 'Stock documents',
    low: 'Below minimum',
    valuation: 'Stock valuation',
    warehouses: 'Warehouses and vans',
  },
  summary: {
    title: 'Stock',
    myVan: 'My van {{code}}',
    myVanHint: 'Parts in your van',
    lowHint: 'Parts to order from the suppliers',
    drafts: 'Draft documents',
    draftsHint: 'Waiting to be posted',
  },
  docs: stockDocumentsEn,
  reports: stockReportsEn,
};

export const stockMessages = defineMessages({ stock: stockBg }, { stock: stockEn });
