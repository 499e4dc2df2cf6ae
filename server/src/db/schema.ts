import type { AttachmentsTables } from '../modules/attachments/attachments.table';
import type { AuditTables } from '../modules/audit/audit.table';
import type { AuthTables } from '../modules/auth/auth.table';
import type { CatalogTables } from '../modules/catalog/catalog.table';
import type { CompanyTables } from '../modules/company/company.table';
import type { FiscalTables } from '../modules/fiscal/fiscal.table';
import type { GoodsNotesTables } from '../modules/goods-notes/goods-notes.table';
import type { ImportsTables } from '../modules/imports/imports.table';
import type { ItemsTables } from '../modules/items/items.table';
import type { JobsTables } from '../modules/jobs/jobs.table';
import type { MailTables } from '../modules/mail/mail.table';
import type { MoneyTables } from '../modules/money/money.table';
import type { NumberingTables } from '../modules/numbering/numbering.table';
import type { OrdersTables } from '../modules/orders/orders.table';
import type { PartiesTables } from '../modules/parties/parties.table';
import type { PaymentsTables } from '../modules/payments/payments.table';
import type { PurchasingTables } from '../modules/purchasing/purchasing.table';
import type { QuotesTables } from '../modules/quotes/quotes.table';
import type { ReceiptsTables } from '../modules/receipts/receipts.table';
import type { SalesTables } from '../modules/sales/sales.table';
import type { StockTables } from '../modules/stock/stock.table';
import type { TechniciansTables } from '../modules/technicians/technicians.table';
import type { VisitsTables } from '../modules/visits/visits.table';

/** Every table of every module: each module declares its own in <m>.table.ts. */
export interface Database
  extends AuthTables,
    CompanyTables,
    NumberingTables,
    AuditTables,
    PartiesTables,
    CatalogTables,
    ItemsTables,
    TechniciansTables,
    ImportsTables,
    StockTables,
    JobsTables,
    OrdersTables,
    QuotesTables,
    PurchasingTables,
    AttachmentsTables,
    FiscalTables,
    SalesTables,
    MoneyTables,
    PaymentsTables,
    ReceiptsTables,
    GoodsNotesTables,
    VisitsTables,
    MailTables {}
