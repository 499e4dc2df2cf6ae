/**
 * The subject and text a message is prefilled with, in the attached document's language: Bulgarian, Bulgarian with
 * English (a bilingual invoice), or English (a work report printed in English). Plain values in, plain text out.
 */

export type MailedKind = 'invoice' | 'credit_note' | 'debit_note' | 'proforma' | 'work_report';
export type MailLanguage = 'bg' | 'bg_en' | 'en';

const TITLE: Record<MailedKind, { bg: string; en: string }> = {
  invoice: { bg: 'Фактура', en: 'Invoice' },
  credit_note: { bg: 'Кредитно известие', en: 'Credit note' },
  debit_note: { bg: 'Дебитно известие', en: 'Debit note' },
  proforma: { bg: 'Проформа фактура', en: 'Proforma invoice' },
  work_report: { bg: 'Протокол за извършена работа', en: 'Work report' },
};

/** The document's title in Bulgarian (file names keep the Bulgarian one, as the PDF routes name them). */
export function documentTitle(kind: MailedKind, language: MailLanguage): string {
  return language === 'en' ? TITLE[kind].en : TITLE[kind].bg;
}

/** dd.mm.yyyy from YYYY-MM-DD. */
function bgDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

function bgText(kind: MailedKind, number: string, date: string | null, company: string): string {
  const what =
    kind === 'work_report'
      ? `протокола за извършената работа по сервизна поръчка № ${number}`
      : `${TITLE[kind].bg.toLowerCase()} № ${number}${date ? ` от ${bgDate(date)}` : ''}`;
  return `Здравейте,\n\nИзпращаме Ви ${what}. Документът е приложен като PDF файл.\n\nПоздрави,\n${company}`;
}

function enText(kind: MailedKind, number: string, date: string | null, company: string): string {
  const what =
    kind === 'work_report'
      ? `the work report of service order ${number}`
      : `${TITLE[kind].en.toLowerCase()} no. ${number}${date ? ` of ${bgDate(date)}` : ''}`;
  return `Hello,\n\nPlease find attached ${what} as a PDF file.\n\nKind regards,\n${company}`;
}

/** The prefilled subject and text of a message carrying a document. */
export function mailTexts(
  kind: MailedKind,
  language: MailLanguage,
  doc: { number: string; date: string | null; company: string },
): { subject: string; body: string } {
  const bgSubject =
    kind === 'work_report'
      ? `${TITLE[kind].bg} по поръчка № ${doc.number}`
      : `${TITLE[kind].bg} № ${doc.number}`;
  const enSubject =
    kind === 'work_report'
      ? `${TITLE[kind].en}, service order ${doc.number}`
      : `${TITLE[kind].en} ${doc.number}`;
  const from = ` – ${doc.company}`;
  if (language === 'en')
    return { subject: `${enSubject}${from}`, body: enText(kind, doc.number, doc.date, doc.company) };
  if (language === 'bg')
    return { subject: `${bgSubject}${from}`, body: bgText(kind, doc.number, doc.date, doc.company) };
  return {
    subject: `${bgSubject} / ${enSubject}${from}`,
    body: `${bgText(kind, doc.number, doc.date, doc.company)}\n\n---\n\n${enText(kind, doc.number, doc.date, doc.company)}`,
  };
}
