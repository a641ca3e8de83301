/**
 * The screens in the navigation, in order. A screen is listed only once it works.
 *
 * Inventory, the first screen, comes with the frame's own code; every other screen's code is a chunk
 * of its own (`ui/later.ts`), loaded when it is first shown, and fetched in the background once the
 * first screen is up, so switching later does not wait for it.
 */
import type { ComponentType } from 'react';
import { InventoryScreen } from '../inventory/InventoryScreen';
import { later } from '../ui/later';

export interface ScreenDef {
  id: string;
  label: string;
  /** Alt+key jumps here from anywhere. */
  key: string;
  component: ComponentType;
}

export const screens: ScreenDef[] = [
  { id: 'inventory', label: 'Inventory', key: 'i', component: InventoryScreen },
  { id: 'picking', label: 'Picking', key: 'p', component: later(() => import('../picking/PickingScreen').then((m) => m.PickingScreen)).Component },
  { id: 'purchasing', label: 'Purchase orders', key: 'o', component: later(() => import('../purchasing/PurchaseOrdersScreen').then((m) => m.PurchaseOrdersScreen)).Component },
  { id: 'lowStock', label: 'Low stock', key: 'l', component: later(() => import('../reorder/LowStockScreen').then((m) => m.LowStockScreen)).Component },
  { id: 'valuation', label: 'Stock valuation', key: 'a', component: later(() => import('../valuation/ValuationScreen').then((m) => m.ValuationScreen)).Component },
  { id: 'parties', label: 'Customers and vendors', key: 'c', component: later(() => import('../parties/PartiesScreen').then((m) => m.PartiesScreen)).Component },
  { id: 'documents', label: 'Invoices and estimates', key: 'v', component: later(() => import('../documents/DocumentsScreen').then((m) => m.DocumentsScreen)).Component },
  { id: 'sync', label: 'Sync', key: 'y', component: later(() => import('../sync/SyncScreen').then((m) => m.SyncScreen)).Component },
  { id: 'settings', label: 'Settings', key: 's', component: later(() => import('../settings/SettingsScreen').then((m) => m.SettingsScreen)).Component },
];
