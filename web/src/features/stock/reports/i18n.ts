import type { DeepStrings } from '../i18n';

/** Texts of the levels, part card, low-stock, valuation and warehouses screens (keys: stock.reports.*). */
export const stockReportsBg = {
  placeholder: 'Справка',
};

export const stockReportsEn: DeepStrings<typeof stockReportsBg> = {
  placeholder: 'Report',
};
