/** What the lookups search: items, customers, vendors (active ones, a short list each). */
import { api } from '../api/client';
import type { Option } from './Lookup';

export async function searchItems(text: string, inventoryOnly = false): Promise<Option[]> {
  const result = await api.call('items.list', {
    search: text.trim() || undefined,
    active: true,
    ...(inventoryOnly ? { type: 'inventory' as const } : {}),
    limit: 12,
  });
  return result.ok ? result.value.rows.map((i) => ({ id: i.id, label: i.name, hint: i.sku })) : [];
}

export const searchInventoryItems = (text: string) => searchItems(text, true);

export async function searchCustomers(text: string): Promise<Option[]> {
  const result = await api.call('customers.list', { search: text.trim() || undefined, active: true, limit: 12 });
  return result.ok ? result.value.rows.map((p) => ({ id: p.id, label: p.displayName, hint: p.companyName })) : [];
}

export async function searchVendors(text: string): Promise<Option[]> {
  const result = await api.call('vendors.list', { search: text.trim() || undefined, active: true, limit: 12 });
  return result.ok ? result.value.rows.map((p) => ({ id: p.id, label: p.displayName, hint: p.companyName })) : [];
}
