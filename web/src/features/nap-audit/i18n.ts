import { defineMessages } from '../../i18n/messages';

/** The standardised audit file for NAP (Н-18 Appendix 38, FIS-05; ADR 0039): pick the month, download the XML of each sale site (ADR 0043). */
export const napAuditMessages = defineMessages(
  {
    napAudit: {
      nav: 'Файл за НАП (одит)',
      title: 'Стандартизиран одиторски файл за НАП',
      description:
        'Продажбите през обекта за месец по Приложение № 38 на Наредба Н-18: всяка касова бележка (от поръчка, продажба на гише, плащане на фактура в брой или с карта) с УНП, редове, ДДС и суми; сторнировките и върнатите суми като върнати поръчки.',
      month: 'Месец',
      download: 'Изтегли файла (XML)',
      perSite: 'Един файл за всеки търговски обект: в него са само продажбите и връщанията в обекта.',
      siteCode: 'Код в НАП: {{code}}',
      noSiteCode: 'Няма код в НАП',
      noSiteCodeHint:
        'Въведете кода на обекта в НАП в Настройки → Обекти и работни места, за да изтеглите файла му.',
      siteSold: 'Продажби: {{orders}} · връщания: {{returns}}',
      downloadSite: 'Изтегли файла на обекта (XML)',
      downloaded: 'Изтеглен: {{file}}',
      format: 'XML по схемата на НАП (dec_audit.xsd), кодиране windows-1251. Суми в валутата на периода.',
      empty:
        'Месец без продажби дава файл без поръчки: НАП го приема само с поне една поръчка, затова за такъв месец файл не се подава.',
    },
  },
  {
    napAudit: {
      nav: 'NAP audit file',
      title: 'Standardised audit file for NAP',
      description:
        "A month's sales through the site as Ordinance Н-18 Appendix 38 wants them: every sale receipt (of an order, over the counter, of an invoice paid in cash or by card) with its УНП, lines, VAT and amounts; stornos and money paid back as returned orders.",
      month: 'Month',
      download: 'Download the file (XML)',
      perSite: 'One file per sale site: it holds only the sales and returns made at that site.',
      siteCode: 'NAP code: {{code}}',
      noSiteCode: 'No NAP code',
      noSiteCodeHint: 'Enter the site’s NAP code in Settings → Sites and workstations to download its file.',
      siteSold: 'Sales: {{orders}} · returns: {{returns}}',
      downloadSite: 'Download the site’s file (XML)',
      downloaded: 'Downloaded: {{file}}',
      format: "XML by NAP's schema (dec_audit.xsd), encoded windows-1251. Amounts in the period's currency.",
      empty:
        "A month without sales gives a file with no orders: NAP's schema wants at least one order, so no file is filed for such a month.",
    },
  },
);
