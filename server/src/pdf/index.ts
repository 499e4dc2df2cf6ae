export type {
  CellAlign,
  ColumnWidth,
  CompanyForPrint,
  DocumentBlock,
  FactsBlock,
  PrintedCell,
  PrintedCompany,
  PrintedDocument,
  PrintedFact,
  PrintedParty,
  PrintedSignature,
  TableBlock,
  TableColumn,
  TableColumnHead,
  TextBlock,
  TotalsBlock,
} from './document';
export { buildDocumentDefinition, printedCompany, renderDocument, tableBlock } from './document';
export type { AddressParts, DocumentFormat, DocumentLanguage, Requisite, RequisiteParts } from './format';
export { documentFormat, layoutWords, printedAddress, printedIban, requisites } from './format';
export { contentDisposition, sendPdf } from './http';
