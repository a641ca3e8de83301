/** settings.get / settings.update: the sync settings every feature reads. */
import type { HandlerMap } from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import { mergeSettings, readSettings, writeSettings } from '../db';
import { settingsSchema, type SettingsPatch } from '../../src-shared/ipc';

/**
 * A stock adjustment account set through settings.update is a person's choice (none included); choosing
 * one again also tries inventory adjustments again where the company had refused them.
 */
function withStockChoice(patch: SettingsPatch): SettingsPatch {
  if (patch.stockAdjustmentAccount === undefined || patch.stockAdjustmentAccountChosenBy !== undefined) return patch;
  return {
    ...patch,
    stockAdjustmentAccountChosenBy: 'person',
    ...(patch.stockAdjustmentAccount && patch.stockAdjustmentsRefused === undefined ? { stockAdjustmentsRefused: null } : {}),
  };
}

export function settingsHandlers(): HandlerMap<'settings.get' | 'settings.update', ServiceContext> {
  return {
    'settings.get': (_input, ctx) => readSettings(ctx.db),
    'settings.update': (patch, ctx) => {
      const next = settingsSchema.parse(mergeSettings(readSettings(ctx.db), withStockChoice(patch)));
      writeSettings(ctx.db, next, ctx.clock.now());
      ctx.emit('settings.changed', next);
      return next;
    },
  };
}
