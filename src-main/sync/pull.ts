/** The pull side: CDC from each entity's cursor (with overlap), or a paged full read when CDC cannot reach. */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { readCursor, writeCursor } from './cursors';
import { isQboError, type QboObject } from './port';
import type { PullSpec, SyncEnv } from './syncer';
import { bump } from './runs';
import { AppError } from '../../src-shared/ipc';

/** QuickBooks keeps 30 days of changes; stay a day inside that. */
const cdcReachMs = 29 * 24 * 60 * 60_000;
/** Re-read a few minutes before the cursor so a change committed during the last read is not missed. */
const overlapMs = 5 * 60_000;
/** Objects applied per transaction: keeps each write short so the host keeps answering the screens. */
const chunkSize = 250;

const cursorKey = (spec: PullSpec) => `${spec.entity}:${spec.qboEntity}`;

export async function pullAll(
  env: SyncEnv,
  pulls: readonly PullSpec[],
  progress: (phase: string, done: number, total: number) => void,
): Promise<void> {
  const { db } = env.ctx;
  // Cursors are in QuickBooks' own time, so a PC clock running ahead cannot make a change window skip
  // edits. A client that has had no answer yet (just after a start or a reconnect) asks for it once.
  const readAt = await env.qbo.serverTime();
  const active = pulls.filter((p) => p.directions.includes(env.settings.directions[p.entity]));
  const full: PullSpec[] = [];
  const incremental: PullSpec[] = [];
  let since = Number.POSITIVE_INFINITY;
  for (const spec of active) {
    const cursor = readCursor(db, cursorKey(spec));
    const at = cursor.changedSince ? Date.parse(cursor.changedSince) : Number.NaN;
    if (env.resendAll || Number.isNaN(at) || readAt.getTime() - at > cdcReachMs) {
      full.push(spec);
    } else {
      incremental.push(spec);
      since = Math.min(since, at - overlapMs);
    }
  }

  if (incremental.length > 0) {
    const entities = [...new Set(incremental.map((s) => s.qboEntity))];
    try {
      const changes = await env.qbo.cdc(entities, new Date(since));
      for (const spec of incremental) {
        await applyChunks(env, spec, changes[spec.qboEntity] ?? [], progress);
      }
    } catch (error) {
      // QuickBooks refuses a window older than it keeps; read everything instead.
      if (!(isQboError(error) && error.code === 'cdc_too_old')) throw error;
      full.push(...incremental);
    }
  }

  for (const spec of full) {
    const objects: QboObject[] = [];
    for (const where of spec.fullReads) objects.push(...(await env.qbo.queryAll(spec.qboEntity, where)));
    await applyChunks(env, spec, objects, progress);
  }

  const now = env.ctx.clock.now().toISOString();
  for (const spec of active) {
    const before = readCursor(db, cursorKey(spec));
    writeCursor(db, {
      entity: cursorKey(spec),
      changedSince: readAt.toISOString(),
      lastFullAt: full.includes(spec) ? now : before.lastFullAt,
      lastSyncedAt: now,
    });
  }
}

async function applyChunks(
  env: SyncEnv,
  spec: PullSpec,
  objects: QboObject[],
  progress: (phase: string, done: number, total: number) => void,
): Promise<void> {
  const { db } = env.ctx;
  // Each object in its own savepoint: one that cannot be applied is logged and the rest go on.
  const applyOne = db.transaction((object: QboObject) => spec.apply(env, [object]));
  const applyChunk = db.transaction((chunk: QboObject[]) => {
    for (const object of chunk) {
      try {
        applyOne(object);
      } catch (error) {
        bump(env.counts, `${spec.entity}.pull`, 'failed');
        env.log({
          level: 'error',
          entity: spec.entity,
          localId: null,
          message: `QuickBooks ${spec.qboEntity} ${describe(object)} could not be brought into ShelfSync: ${
            error instanceof AppError ? error.message : 'unexpected problem'
          }`,
        });
      }
    }
  });
  if (spec.order) objects.sort((a, b) => spec.order?.(a, b) ?? 0);
  for (let i = 0; i < objects.length; i += chunkSize) {
    applyChunk(objects.slice(i, i + chunkSize));
    progress(`Reading ${spec.entity} from QuickBooks`, Math.min(i + chunkSize, objects.length), objects.length);
    await yieldToLoop();
  }
}

function describe(object: QboObject): string {
  const name = object.DisplayName ?? object.Name ?? object.DocNumber;
  return typeof name === 'string' ? `"${name}" (Id ${object.Id})` : `Id ${object.Id}`;
}
