/** The NAP audit file's screen: its own download, the first time it opens. */
export { NapAuditPage } from './nap-audit-page';
