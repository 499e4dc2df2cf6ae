/**
 * The "no device" adapter (issue 13 item 4): a company without a fiscal device records its receipts as not
 * fiscalised; anything that needs the device itself (reports, service deposits, a duplicate) is refused.
 */
import { DomainError } from '../../kernel/errors';
import type { FiscalDevice, FiscalReceiptResult } from './fiscal.device';

const noDevice = () => new DomainError('conflict', 'fiscal_no_device');

export function noFiscalDevice(): FiscalDevice {
  const notFiscalised = (uniqueSaleNumber: string): FiscalReceiptResult => ({
    fiscalised: false,
    uniqueSaleNumber,
    receiptNumber: null,
    receiptDateTime: null,
    receiptAmountCents: null,
    fiscalMemorySerialNumber: null,
    warnings: [],
  });
  return {
    kind: 'none',
    info: async () => {
      throw noDevice();
    },
    status: async () => {
      throw noDevice();
    },
    cash: async () => {
      throw noDevice();
    },
    printReceipt: async (receipt) => notFiscalised(receipt.uniqueSaleNumber),
    printReversalReceipt: async (reversal) => notFiscalised(reversal.uniqueSaleNumber),
    deposit: async () => {
      throw noDevice();
    },
    withdraw: async () => {
      throw noDevice();
    },
    xReport: async () => {
      throw noDevice();
    },
    zReport: async () => {
      throw noDevice();
    },
    duplicate: async () => {
      throw noDevice();
    },
  };
}
