/** settings.get / settings.update: the sync settings every feature reads. */
import type { HandlerMap } from '../../src-shared/ipc';
import type { ServiceContext } from '../db';
import { mergeSettings, readSettings, writeSettings } from '../db';
import { settingsSchema } from '../../src-shared/ipc';

export function settingsHandlers(): HandlerMap<'settings.get' | 'settings.update', ServiceContext> {
  return {
    'settings.get': (_input, ctx) => readSettings(ctx.db),
    'settings.update': (patch, ctx) => {
      const next = settingsSchema.parse(mergeSettings(readSettings(ctx.db), patch));
      writeSettings(ctx.db, next, ctx.clock.now());
      ctx.emit('settings.changed', next);
      return next;
    },
  };
}
