// Transaction lines and their detail objects (Finance.xsd: Line and the *LineDetail types), and the
// transaction tax detail whose tax lines are lines too.

import { CUSTOM_FIELD, LINKED_TXN, REF } from './parts.js';
import { list, shape, type Shape } from './types.js';

const MARKUP = shape('MarkupInfo', { PercentBased: 'boolean', Value: 'decimal', Percent: 'decimal', PriceLevelRef: REF, MarkUpIncomeAccountRef: REF });

/** ItemLineDetail: what sales and item-based purchase lines share. */
const ITEM_LINE = {
  ItemRef: REF, ClassRef: REF, UnitPrice: 'decimal', UnitCostPrice: 'decimal', RatePercent: 'decimal', PriceLevelRef: REF,
  MarkupInfo: MARKUP, Qty: 'decimal', UOMRef: 'object', ItemAccountRef: REF, InventorySiteRef: REF, TaxCodeRef: REF,
  TaxClassificationRef: REF,
} as const;

export const SALES_ITEM_DETAIL = shape('SalesItemLineDetail', {
  ...ITEM_LINE, ServiceDate: 'date', TaxInclusiveAmt: 'decimal', DiscountRate: 'decimal', DiscountAmt: 'decimal',
  DeferredRevenue: 'boolean', SalesItemLineDetailEx: 'object',
});

export const ITEM_EXPENSE_DETAIL = shape('ItemBasedExpenseLineDetail', {
  ...ITEM_LINE, CustomerRef: REF, BillableStatus: 'string', TaxInclusiveAmt: 'decimal', ItemBasedExpenseLineDetailEx: 'object',
});

export const ACCOUNT_EXPENSE_DETAIL = shape('AccountBasedExpenseLineDetail', {
  CustomerRef: REF, ClassRef: REF, AccountRef: REF, BillableStatus: 'string', MarkupInfo: MARKUP, TaxAmount: 'decimal',
  TaxCodeRef: REF, TaxInclusiveAmt: 'decimal', ExpenseDetailLineDetailEx: 'object',
});

export const DISCOUNT_DETAIL = shape('DiscountLineDetail', {
  DiscountRef: REF, PercentBased: 'boolean', DiscountPercent: 'decimal', DiscountAccountRef: REF, ServiceDate: 'date',
  ClassRef: REF, TaxCodeRef: REF, DiscountLineDetailEx: 'object',
});

export const DESCRIPTION_DETAIL = shape('DescriptionLineDetail', { ServiceDate: 'date', TaxCodeRef: REF, DescriptionLineDetailEx: 'object' });
export const SUBTOTAL_DETAIL = shape('SubTotalLineDetail', { ItemRef: REF, ServiceDate: 'date' });
export const ITEM_ADJUSTMENT_DETAIL = shape('ItemAdjustmentLineDetail', {
  ItemRef: REF, SalesPrice: 'decimal', QtyDiff: 'decimal', NewQty: 'decimal', ClassRef: REF,
});

export const TAX_LINE_DETAIL = shape('TaxLineDetail', {
  TaxRateRef: REF, PercentBased: 'boolean', TaxPercent: 'decimal', NetAmountTaxable: 'decimal', TaxInclusiveAmount: 'decimal',
  OverrideDeltaAmount: 'decimal', ServiceDate: 'date', TaxLineDetailEx: 'object',
});

const GROUP_DETAIL: Shape = shape('GroupLineDetail', {
  GroupItemRef: REF, Quantity: 'decimal', UOMRef: 'object', ServiceDate: 'date', Line: list(() => LINE), GroupLineDetailEx: 'object',
});

/** One line of any transaction: DetailType says which one detail object it carries. */
export const LINE: Shape = shape('Line', {
  Id: 'id', LineNum: 'int', Description: 'string', Amount: 'decimal', Received: 'decimal', LinkedTxn: list(LINKED_TXN),
  DetailType: 'string', PaymentLineDetail: 'object', DiscountLineDetail: DISCOUNT_DETAIL, TaxLineDetail: TAX_LINE_DETAIL,
  SalesItemLineDetail: SALES_ITEM_DETAIL, DescriptionLineDetail: DESCRIPTION_DETAIL,
  ItemBasedExpenseLineDetail: ITEM_EXPENSE_DETAIL, AccountBasedExpenseLineDetail: ACCOUNT_EXPENSE_DETAIL,
  ReimburseLineDetail: 'object', DepositLineDetail: 'object', PurchaseOrderItemLineDetail: 'object',
  SalesOrderItemLineDetail: 'object', ItemReceiptLineDetail: 'object', JournalEntryLineDetail: 'object',
  GroupLineDetail: GROUP_DETAIL, SubTotalLineDetail: SUBTOTAL_DETAIL, TDSLineDetail: 'object',
  ItemAdjustmentLineDetail: ITEM_ADJUSTMENT_DETAIL, CustomField: list(CUSTOM_FIELD), LineEx: 'object', ProjectRef: REF,
  CostAmount: 'decimal', HomeCostAmount: 'decimal',
});

export const TXN_TAX_DETAIL = shape('TxnTaxDetail', {
  DefaultTaxCodeRef: REF, TxnTaxCodeRef: REF, TotalTax: 'decimal', TaxReviewStatus: 'string', TaxLine: list(LINE),
  UseAutomatedSalesTax: 'boolean',
});
