/** settings.get / settings.update: the sync settings every feature reads. */
import type { HandlerMap } from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import { mergeSettings, readSettings, writeSettings } from '../db';
import { settingsSchema, type Settings, type SettingsPatch } from '../../src-shared/ipc';

/**
 * A stock adjustment account set through settings.update is a person's choice (none included); choosing
 * one again also tries inventory adjustments again where the company had refused them.
 */
function withStockChoice(patch: SettingsPatch, merged: Settings): Settings {
  if (patch.stockAdjustmentAccount === undefined) return merged;
  return {
    ...merged,
    stockAdjustmentAccountChosenBy: 'person',
    stockAdjustmentsRefused: patch.stockAdjustmentAccount ? null : merged.stockAdjustmentsRefused,
  };
}

export function settingsHandlers(): HandlerMap<'settings.get' | 'settings.update', ServiceContext> {
  return {
    'settings.get': (_input, ctx) => readSettings(ctx.db),
    'settings.update': (patch, ctx) => {
      const next = settingsSchema.parse(withStockChoice(patch, mergeSettings(readSettings(ctx.db), patch)));
      writeSettings(ctx.db, next, ctx.clock.now());
      ctx.emit('settings.changed', next);
      return next;
    },
  };
}
