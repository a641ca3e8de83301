/**
 * Default accounts per item type (seed 002) and the stock adjustment account, picked from the
 * company's own chart of accounts. Works on the Settings draft; saved with the rest of the form.
 */
import { useEffect, useState } from 'react';
import type { AccountRef, ItemType, QboAccount, Settings } from '../../src-shared/ipc';
import { api } from '../api/client';

const types: { type: ItemType; label: string; asset: boolean }[] = [
  { type: 'inventory', label: 'Inventory', asset: true },
  { type: 'nonInventory', label: 'Non-inventory', asset: false },
  { type: 'service', label: 'Service', asset: false },
  { type: 'equipment', label: 'Equipment', asset: true },
];

const kinds = [
  { key: 'income', label: 'Income', accountType: 'Income' },
  { key: 'expense', label: 'Expense (cost of goods sold)', accountType: 'Cost of Goods Sold' },
  // Of the other current assets only the inventory ones (Undeposited Funds is one too, and wrong here).
  { key: 'asset', label: 'Inventory asset', accountType: 'Other Current Asset', subTypes: ['Inventory'] },
] as const;

interface Props {
  draft: Settings;
  edit: (change: (draft: Settings) => void) => void;
}

export function AccountsFieldset({ draft, edit }: Props) {
  const [accounts, setAccounts] = useState<QboAccount[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void api.call('accounts.list', {}).then((result) => {
      if (result.ok) setAccounts(result.value.accounts);
      else setProblem(result.error.message);
    });
  }, []);

  const fits = (a: QboAccount, accountTypes: string[], subTypes?: readonly string[]) =>
    accountTypes.includes(a.type) && (!subTypes || a.subType === null || subTypes.includes(a.subType));
  const picker = (label: string, value: AccountRef, accountTypes: string[], onChange: (ref: AccountRef) => void, subTypes?: readonly string[]) => (
    <select aria-label={label} value={value?.id ?? ''} onChange={(e) => {
      const found = accounts?.find((a) => a.id === e.target.value);
      onChange(found ? { id: found.id, name: found.fullName.slice(0, 100) } : null);
    }}>
      <option value="">— none —</option>
      {value && !accounts?.some((a) => a.id === value.id) && <option value={value.id}>{value.name}</option>}
      {(accounts ?? []).filter((a) => fits(a, accountTypes, subTypes)).map((a) => (
        <option key={a.id} value={a.id}>{a.fullName}</option>
      ))}
    </select>
  );

  return (
    <fieldset>
      <legend>Default accounts for items sent to QuickBooks</legend>
      {problem && <p className="hint">Accounts come from QuickBooks: {problem}</p>}
      <table className="accounts">
        <thead><tr><th>Item type</th>{kinds.map((k) => <th key={k.key}>{k.label}</th>)}</tr></thead>
        <tbody>
          {types.map((t) => (
            <tr key={t.type}>
              <td>{t.label}</td>
              {kinds.map((k) => (
                <td key={k.key}>
                  {k.key === 'asset' && !t.asset
                    ? <span className="hint">inventory’s</span>
                    : picker(`${t.label} ${k.label} account`, draft.defaultAccounts[t.type][k.key], [k.accountType], (ref) =>
                        edit((d) => { d.defaultAccounts[t.type][k.key] = ref; }), 'subTypes' in k ? k.subTypes : undefined)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field">
        <span>Stock adjustment account</span>
        {picker('Stock adjustment account', draft.stockAdjustmentAccount, ['Expense', 'Cost of Goods Sold', 'Other Expense'], (ref) =>
          edit((d) => { d.stockAdjustmentAccount = ref; }))}
      </label>
      <p className="hint">With an adjustment account, stock changes go to QuickBooks as inventory adjustments; without one, as quantity updates of the item.</p>
      {draft.stockAdjustmentsRefused
        ? <p className="hint" role="status">{draft.stockAdjustmentsRefused.message} on {draft.stockAdjustmentsRefused.at.slice(0, 10)}, so stock changes go as quantity updates of the item. Choose the account again to try adjustments once more.</p>
        : draft.stockAdjustmentAccountChosenBy === 'shelfsync' && <p className="hint" role="status">{draft.stockAdjustmentAccount ? 'Chosen automatically by ShelfSync at the first sync; pick another to change it.' : 'ShelfSync found no Inventory Shrinkage or cost of goods sold account to choose.'}</p>}
    </fieldset>
  );
}
