import type { DeepStrings } from '../i18n';

/** Texts of the stock documents list and editor (keys: stock.docs.*). */
export const stockDocumentsBg = {
  placeholder: 'Документ',
};

export const stockDocumentsEn: DeepStrings<typeof stockDocumentsBg> = {
  placeholder: 'Document',
};
