/** The screens in the navigation, in order. A screen is listed only once it works. */
import type { ComponentType } from 'react';
import { SettingsScreen } from '../settings/SettingsScreen';
import { SyncScreen } from '../sync/SyncScreen';
import { InventoryScreen } from '../inventory/InventoryScreen';
import { PickingScreen } from '../picking/PickingScreen';
import { PurchaseOrdersScreen } from '../purchasing/PurchaseOrdersScreen';
import { PartiesScreen } from '../parties/PartiesScreen';
import { DocumentsScreen } from '../documents/DocumentsScreen';
import { LowStockScreen } from '../reorder/LowStockScreen';
import { ValuationScreen } from '../valuation/ValuationScreen';

export interface ScreenDef {
  id: string;
  label: string;
  /** Alt+key jumps here from anywhere. */
  key: string;
  component: ComponentType;
}

export const screens: ScreenDef[] = [
  { id: 'inventory', label: 'Inventory', key: 'i', component: InventoryScreen },
  { id: 'picking', label: 'Picking', key: 'p', component: PickingScreen },
  { id: 'purchasing', label: 'Purchase orders', key: 'o', component: PurchaseOrdersScreen },
  { id: 'lowStock', label: 'Low stock', key: 'l', component: LowStockScreen },
  { id: 'valuation', label: 'Stock valuation', key: 'a', component: ValuationScreen },
  { id: 'parties', label: 'Customers and vendors', key: 'c', component: PartiesScreen },
  { id: 'documents', label: 'Invoices and estimates', key: 'v', component: DocumentsScreen },
  { id: 'sync', label: 'Sync', key: 'y', component: SyncScreen },
  { id: 'settings', label: 'Settings', key: 's', component: SettingsScreen },
];
