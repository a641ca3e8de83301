// Transactions: estimates, invoices, sales receipts, payments, purchase orders, bills and inventory
// adjustments, with Intuit's fields for each (Finance.xsd: Transaction, SalesTransaction,
// PurchaseByVendor and their subtypes). Totals and balances QuickBooks computes are read-only.

import { LINE, TXN_TAX_DETAIL } from './lines.js';
import { ADDRESS, EMAIL, ENTITY_BASE, LINKED_TXN, MEMO, REF } from './parts.js';
import { list, readOnly, shape, type FieldSpec } from './types.js';

const TRANSACTION: Readonly<Record<string, FieldSpec>> = {
  ...ENTITY_BASE,
  DocNumber: 'string', TxnDate: 'date', DepartmentRef: REF, CurrencyRef: REF, ExchangeRate: 'decimal', PrivateNote: 'string',
  TxnStatus: 'string', LinkedTxn: list(LINKED_TXN), Line: list(LINE), TxnTaxDetail: TXN_TAX_DETAIL, TxnSource: 'string',
  TaxFormType: 'string', TaxFormNum: 'string', TransactionLocationType: 'string', Tag: list('object'),
  TxnApprovalInfo: 'object', RecurDataRef: REF, RecurringInfo: 'object', ProjectRef: REF,
  TotalCostAmount: readOnly('decimal'), HomeTotalCostAmount: readOnly('decimal'),
};

const SALES_TRANSACTION: Readonly<Record<string, FieldSpec>> = {
  ...TRANSACTION,
  AutoDocNumber: 'boolean', CustomerRef: REF, CustomerMemo: MEMO, BillAddr: ADDRESS, ShipAddr: ADDRESS, FreeFormAddress: 'boolean',
  ShipFromAddr: ADDRESS, RemitToRef: REF, ClassRef: REF, SalesTermRef: REF, DueDate: 'date', SalesRepRef: REF, PONumber: 'string',
  FOB: 'string', ShipMethodRef: REF, ShipDate: 'date', TrackingNum: 'string', GlobalTaxCalculation: 'string',
  TotalAmt: readOnly('decimal'), HomeTotalAmt: readOnly('decimal'), ApplyTaxAfterDiscount: 'boolean',
  ShippingTaxIncludedInTotalTax: 'boolean', TemplateRef: REF, PrintStatus: 'string', EmailStatus: 'string', BillEmail: EMAIL,
  BillEmailCc: EMAIL, BillEmailBcc: EMAIL, ARAccountRef: REF, Balance: readOnly('decimal'), HomeBalance: readOnly('decimal'),
  FinanceCharge: 'boolean', PaymentMethodRef: REF, PaymentRefNum: 'string', PaymentType: 'string', CheckPayment: 'object',
  CreditCardPayment: 'object', DepositToAccountRef: REF, DeliveryInfo: 'object', DiscountRate: 'decimal',
  DiscountAmt: 'decimal', GovtTxnRefIdentifier: 'string', TaxExemptionRef: REF,
};

export const ESTIMATE = shape('Estimate', {
  ...SALES_TRANSACTION, ExpirationDate: 'date', AcceptedBy: 'string', AcceptedDate: 'date', EstimateEx: 'object',
});

export const INVOICE = shape('Invoice', {
  ...SALES_TRANSACTION,
  Deposit: 'decimal', AllowIPNPayment: 'boolean', AllowOnlinePayment: 'boolean', AllowOnlineCreditCardPayment: 'boolean',
  AllowOnlineACHPayment: 'boolean', AllowOnlinePayPalPayment: 'boolean', EInvoiceStatus: readOnly('string'),
  ECloudStatusTimeStamp: readOnly('dateTime'), CfdiUse: 'int', Exportation: 'string', GlobalInfo: 'object',
  invoiceStatus: readOnly('string'), callToAction: readOnly('string'), invoiceStatusLog: readOnly(list('object')),
  InvoiceEx: 'object', LessCIS: 'decimal', InvoiceLink: readOnly('string'), PaymentDetailsMessage: 'string',
  ConvenienceFeeDetail: 'object', InvoiceLinkSecurityCode: readOnly('string'), InvoiceLinkExpiryDate: readOnly('date'),
  AutoPayEligible: 'boolean', SchedulePayEligible: 'boolean', ScheduledPaymentId: 'string', GratuityEnabled: 'boolean',
  FinancingProductType: 'string', SubscriptionPaymentsSetting: 'string',
});

export const SALES_RECEIPT = shape('SalesReceipt', { ...SALES_TRANSACTION, SalesReceiptEx: 'object', LessCIS: 'decimal' });

export const PAYMENT = shape('Payment', {
  ...TRANSACTION,
  CustomerRef: REF, RemitToRef: REF, ARAccountRef: REF, DepositToAccountRef: REF, PaymentMethodRef: REF, PaymentRefNum: 'string',
  PaymentType: 'string', CheckPayment: 'object', CreditCardPayment: 'object', TotalAmt: 'decimal',
  UnappliedAmt: readOnly('decimal'), ProcessPayment: 'boolean', PaymentEx: 'object',
});

const PURCHASE_BY_VENDOR: Readonly<Record<string, FieldSpec>> = {
  ...TRANSACTION,
  VendorRef: REF, APAccountRef: REF, TotalAmt: readOnly('decimal'), BillEmail: EMAIL, ReplyEmail: EMAIL, Memo: 'string',
  GlobalTaxCalculation: 'string',
};

export const PURCHASE_ORDER = shape('PurchaseOrder', {
  ...PURCHASE_BY_VENDOR,
  TaxCodeRef: REF, ClassRef: REF, ReimbursableInfoRef: REF, SalesTermRef: REF, DueDate: 'date', ExpectedDate: 'date',
  VendorAddr: ADDRESS, ShipTo: REF, DropShipToEntity: REF, InventorySiteRef: REF, ShipAddr: ADDRESS, ShipMethodRef: REF,
  FOB: 'string', POEmail: EMAIL, TemplateRef: REF, PrintStatus: 'string', EmailStatus: 'string', ManuallyClosed: 'boolean',
  POStatus: 'string', PurchaseOrderEx: 'object',
});

export const BILL = shape('Bill', {
  ...PURCHASE_BY_VENDOR,
  PayerRef: REF, SalesTermRef: REF, DueDate: 'date', RemitToAddr: ADDRESS, ShipAddr: ADDRESS, VendorAddr: ADDRESS,
  Balance: readOnly('decimal'), HomeBalance: readOnly('decimal'), BillEx: 'object', LessCIS: 'decimal',
  IncludeInAnnualTPAR: 'boolean',
});

export const INVENTORY_ADJUSTMENT = shape('InventoryAdjustment', {
  ...TRANSACTION, ShippingAdjustment: 'boolean', AdjustAccountRef: REF, CustomerRef: REF,
});
