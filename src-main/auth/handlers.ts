/** The contract handlers for the connection area: connection.*, practice.reset, accounts.list. */
import { AppError, type HandlerMap, type QboAccount } from '../../src-shared/ipc';
import { QboError, type QboObject } from '../qbo';
import type { ConnectionManager } from './connection';

type ConnectionRequest =
  | 'connection.status'
  | 'connection.connect'
  | 'connection.cancel'
  | 'connection.disconnect'
  | 'practice.reset'
  | 'accounts.list';

export function connectionHandlers<C>(connection: ConnectionManager): HandlerMap<ConnectionRequest, C> {
  return {
    'connection.status': async () => {
      await connection.ready;
      return connection.status();
    },
    'connection.connect': (input) => guard(() => connection.connect(input)),
    'connection.cancel': () => connection.cancel(),
    'connection.disconnect': () => guard(() => connection.disconnect()),
    'practice.reset': () => guard(() => connection.resetPractice()),
    'accounts.list': (input) =>
      guard(async () => {
        const answer = await connection.client();
        if (!answer.ok) throw new AppError('refused', answer.reason);
        const wanted = input.types ? new Set(input.types.map((t) => t.toLowerCase())) : null;
        const accounts = (await answer.qbo.queryAll('Account'))
          .map(toAccount)
          .filter((a) => wanted === null || wanted.has(a.type.toLowerCase()))
          .sort((a, b) => a.type.localeCompare(b.type) || a.fullName.localeCompare(b.fullName));
        return { accounts };
      }),
  };
}

function toAccount(o: QboObject): QboAccount {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const name = text(o.Name);
  return {
    id: o.Id,
    name,
    fullName: text(o.FullyQualifiedName) || name,
    type: text(o.AccountType),
    subType: typeof o.AccountSubType === 'string' ? o.AccountSubType : null,
  };
}

/** QuickBooks failures become contract errors with the clerk-facing message (never the raw error). */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof QboError) throw new AppError(error.kind === 'validation' ? 'refused' : 'qbo', error.message);
    throw error;
  }
}
