/**
 * The Electron shell's own logic (src-main/app/shell.ts) against a fake `electron` module, with a real
 * host on a temp data folder: single instance, the IPC sender check, close-to-tray, tray actions,
 * notifications once per notice, start at login (an XDG autostart entry on Linux, Electron's login
 * item elsewhere, not offered where neither exists).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startShell, type Shell } from '../../src-main/app/shell';
import { paperFor } from '../../src-main/app/printing';
import { AT_LOGIN_FLAG, autostartFile, desktopEntry } from '../../src-main/app/loginItem';
import { memorySecretStore } from '../../src-main/auth';
import { startPracticeCompany, type PracticeCompanyServer } from '../../src-main/sandbox';
import type { HostDeps } from '../../src-main/host';
import type { Result, SyncStatus } from '../../src-shared/ipc';
import { fakeElectron, FakeTray, FakeWindow, type FakeElectron } from '../support/fakeElectron';
import { consentAt } from '../support/consent';
import { cappedTime } from '../support/cappedTime';
import { admin } from '../connection/support';
import { tempDir } from '../support/tmp';

const opened: { shell: Shell; fake: FakeElectron }[] = [];
let sb: PracticeCompanyServer | undefined;
afterEach(async () => {
  for (const { fake } of opened.splice(0)) fake.app.emit('will-quit');
  await new Promise((r) => setTimeout(r, 50));
  await sb?.close();
  sb = undefined;
});

function launch(over: { platform?: NodeJS.Platform; argv?: string[]; env?: NodeJS.ProcessEnv; singleInstance?: boolean; host?: Partial<HostDeps> } = {}) {
  const userData = tempDir();
  const fake = fakeElectron({ userData, ...(over.singleInstance === undefined ? {} : { singleInstance: over.singleInstance }) });
  const shell = startShell(fake.api, {
    appDir: '/opt/shelfsync/out/main',
    assetsDir: '/opt/shelfsync/assets',
    platform: over.platform ?? 'linux',
    argv: over.argv ?? ['electron', '.'],
    execPath: '/opt/ShelfSync/shelfsync',
    env: { HOME: tempDir('shelfsync-home-'), ...over.env },
    host: { practice: undefined, secrets: memorySecretStore(), autoSync: false, ...over.host },
  });
  opened.push({ shell, fake });
  return { shell, fake, userData };
}

const tray = () => FakeTray.made[0] as FakeTray;
const win = () => FakeWindow.made[0] as FakeWindow;

describe('the Electron shell', () => {
  it('quits at once when another instance runs, and the running one comes to the front on a second start', async () => {
    const second = launch({ singleInstance: false });
    expect(await second.shell.ready).toBeNull();
    expect(second.fake.app.quitCalls).toBe(1);
    expect(fs.existsSync(path.join(second.userData, 'shelfsync.db'))).toBe(false);

    const first = launch();
    await first.shell.ready;
    win().hide();
    first.fake.app.emit('second-instance');
    expect(win().visible).toBe(true);
    expect(FakeWindow.made).toHaveLength(1);
  });

  it('answers IPC only from its own window’s main frame, and turns a failure into an answer with an error id', async () => {
    const { fake } = launch();
    await opened[0]?.shell.ready;
    const ours = { sender: win().webContents, senderFrame: win().webContents.mainFrame };
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.info', {})).toMatchObject({ ok: true, value: { name: 'ShelfSync' } });
    const stranger = { sender: { id: 'another window' }, senderFrame: {} };
    expect(await fake.ipc('shelfsync:invoke', stranger, 'app.info', {})).toEqual({ ok: false, error: { code: 'refused', message: 'Only the ShelfSync window may call ShelfSync.' } });
    const subframe = { sender: win().webContents, senderFrame: { name: 'an iframe' } };
    expect(await fake.ipc('shelfsync:invoke', subframe, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await fake.ipc('shelfsync:invoke', ours, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    const hostile = { toString: () => { throw new Error('a name that cannot be read'); } };
    const answer = (await fake.ipc('shelfsync:invoke', ours, hostile, {})) as Result<unknown>;
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/error id [A-Z0-9]{8}/) as unknown } });
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.info', {})).toMatchObject({ ok: true });
  });

  it('chooses the backup file with the system’s dialog, and a backup is written where it was chosen', async () => {
    const { fake, userData } = launch();
    await opened[0]?.shell.ready;
    const ours = { sender: win().webContents, senderFrame: win().webContents.mainFrame };
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.info', {})).toMatchObject({ ok: true, value: { fileDialogs: true } });
    const target = path.join(userData, 'chosen-backup.db');
    fake.dialogAnswer.path = target;
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.chooseFile', { purpose: 'backup' })).toEqual({ ok: true, value: { file: target } });
    expect(fake.dialogs.at(-1)).toMatchObject({ kind: 'save', defaultPath: expect.stringMatching(/^shelfsync-backup-\d{4}-\d{2}-\d{2}\.db$/) as unknown });
    expect(await fake.ipc('shelfsync:invoke', ours, 'backup.create', { file: target })).toMatchObject({ ok: true, value: { file: target } });
    expect(fs.existsSync(target)).toBe(true);
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.chooseFile', { purpose: 'restore' })).toEqual({ ok: true, value: { file: target } });
    expect(fake.dialogs.at(-1)).toMatchObject({ kind: 'open' });
    fake.dialogAnswer.path = null;
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.chooseFile', { purpose: 'restore' })).toEqual({ ok: true, value: { file: null } });
  });

  it('prints the window’s page with the system’s print dialog, and saves it as a PDF where the save dialog says', async () => {
    const { fake, userData } = launch();
    await opened[0]?.shell.ready;
    const ours = { sender: win().webContents, senderFrame: win().webContents.mainFrame };
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.info', {})).toMatchObject({ ok: true, value: { printing: true } });
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.print', {})).toEqual({ ok: true, value: { printed: true, file: null } });
    expect(win().webContents.printJobs).toHaveLength(1);
    // Cancelled in the print dialog: nothing printed, and no error.
    win().webContents.printAnswer = { success: false, failureReason: 'Print job canceled' };
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.print', { pdf: false })).toEqual({ ok: true, value: { printed: false, file: null } });
    // A printer failure is said, not swallowed.
    win().webContents.printAnswer = { success: false, failureReason: 'Print job failed' };
    const failed = (await fake.ipc('shelfsync:invoke', ours, 'app.print', {})) as Result<unknown>;
    expect(failed.ok).toBe(false);

    const target = path.join(userData, 'pick-list-SO-1001.pdf');
    fake.dialogAnswer.path = target;
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.print', { pdf: true, name: 'pick-list-SO-1001' })).toEqual({ ok: true, value: { printed: true, file: target } });
    expect(fake.dialogs.at(-1)).toMatchObject({ kind: 'save', title: 'Save as PDF', defaultPath: 'pick-list-SO-1001.pdf' });
    expect(win().webContents.pdfJobs.at(-1)).toMatchObject({ pageSize: expect.stringMatching(/^(A4|Letter)$/) as unknown });
    expect(fs.readFileSync(target, 'latin1')).toMatch(/^%PDF-/);
    // Cancelled in the save dialog: no PDF made.
    fake.dialogAnswer.path = null;
    const jobs = win().webContents.pdfJobs.length;
    expect(await fake.ipc('shelfsync:invoke', ours, 'app.print', { pdf: true })).toEqual({ ok: true, value: { printed: false, file: null } });
    expect(win().webContents.pdfJobs).toHaveLength(jobs);
  });

  it('uses Letter paper where that is the usual size, A4 elsewhere', () => {
    expect([paperFor('en-US'), paperFor('en_CA'), paperFor('en-GB'), paperFor('de-DE'), paperFor('fr')]).toEqual(['Letter', 'Letter', 'A4', 'A4', 'A4']);
  });

  it('hides the window on close and keeps running from the tray; closes it for real when quitting', async () => {
    const { fake, shell } = launch();
    await shell.ready;
    expect(win().visible).toBe(true);
    expect(win().userCloses()).toBe(true);
    expect(win().visible).toBe(false);
    expect(fake.app.quitCalls).toBe(0);
    tray().emit('click');
    expect(win().visible).toBe(true);
    tray().click('Quit ShelfSync');
    expect(fake.app.quitCalls).toBe(1);
    expect(win().userCloses()).toBe(false);
  });

  it('drives the host from the tray menu: pause, resume, sync now, open', async () => {
    const { shell } = launch();
    const ready = await shell.ready;
    const host = ready?.host;
    const status = async () => ((await host?.invoke('sync.status', {})) as { value: SyncStatus }).value;
    tray().click('Pause sync');
    await new Promise((r) => setTimeout(r, 20));
    expect((await status()).userPaused).toBe(true);
    expect(tray().menu.map((i) => i.label)).toContain('Resume sync');
    expect(tray().image).toContain('tray-paused.png');
    tray().click('Resume sync');
    await new Promise((r) => setTimeout(r, 20));
    expect((await status()).userPaused).toBe(false);
    const before = win().webContents.sent.length;
    tray().click('Sync Now');
    await new Promise((r) => setTimeout(r, 50));
    // The run reached the window as events (here: paused, as no QuickBooks is connected).
    expect(win().webContents.sent.slice(before).some((m) => m.args[0] === 'sync.status')).toBe(true);
    win().hide();
    tray().click('Open ShelfSync');
    expect(win().visible).toBe(true);
  });

  it('on Linux, Start at login writes and removes an XDG autostart entry, and a start at login stays in the tray', async () => {
    const home = tempDir('shelfsync-home-');
    const config = path.join(home, 'xdg-config');
    const { shell } = launch({ env: { HOME: home, XDG_CONFIG_HOME: config } });
    await shell.ready;
    const file = autostartFile({ HOME: home, XDG_CONFIG_HOME: config });
    expect(file).toBe(path.join(config, 'autostart', 'shelfsync.desktop'));
    expect(tray().menu.find((i) => i.label === 'Start at login')).toMatchObject({ type: 'checkbox', checked: false });
    tray().click('Start at login');
    const entry = fs.readFileSync(file, 'utf8');
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\nName=ShelfSync\n/);
    expect(entry).toContain(`Exec="/opt/ShelfSync/shelfsync" "/opt/shelfsync-dev" "${AT_LOGIN_FLAG}"`);
    expect(tray().menu.find((i) => i.label === 'Start at login')?.checked).toBe(true);
    tray().click('Start at login');
    expect(fs.existsSync(file)).toBe(false);
    expect(tray().menu.find((i) => i.label === 'Start at login')?.checked).toBe(false);

    for (const o of opened.splice(0)) o.fake.app.emit('will-quit');
    await new Promise((r) => setTimeout(r, 50));
    const atLogin = launch({ argv: ['shelfsync', AT_LOGIN_FLAG], env: { HOME: home, XDG_CONFIG_HOME: config } });
    await atLogin.shell.ready;
    expect(FakeWindow.made).toHaveLength(0);
  });

  it('quotes the autostart Exec line as the Desktop Entry spec asks', () => {
    expect(desktopEntry(['/home/a b/My "App"', '50%', 'C:\\x'])).toContain('Exec="/home/a b/My \\\\"App\\\\"" "50%%" "C:\\\\\\\\x"');
  });

  it('uses Electron’s login item on macOS and Windows, and does not offer Start at login elsewhere', async () => {
    const mac = launch({ platform: 'darwin' });
    await mac.shell.ready;
    tray().click('Start at login');
    expect(mac.fake.app.loginSettings).toEqual([{ openAtLogin: true, args: [AT_LOGIN_FLAG] }]);
    for (const o of opened.splice(0)) o.fake.app.emit('will-quit');
    await new Promise((r) => setTimeout(r, 50));
    const other = launch({ platform: 'freebsd' });
    await other.shell.ready;
    expect(tray().menu.map((i) => i.label)).not.toContain('Start at login');
    expect(other.shell.loginItem.supported).toBe(false);
  });

  it('notifies once per notice: a lost sign-in is announced once however many status events follow', async () => {
    sb = await startPracticeCompany({ seed: 3, size: 'tiny' });
    const { fake, shell } = launch({
      host: { qboApp: { clientId: sb.clientId, clientSecret: sb.clientSecret, environment: 'sandbox' }, qboBaseUrl: sb.baseUrl, openExternal: consentAt(sb.baseUrl), qboConnection: { clientOptions: { time: cappedTime() } } },
    });
    const host = (await shell.ready)?.host;
    if (!host) throw new Error('no host');
    await host.invoke('connection.connect', {});
    expect((await host.connection.settled()).state).toBe('connected');
    expect(fake.notifications).toEqual([]);
    await admin(sb, 'POST', '/tokens/revoke');
    sb.advanceClock(3700);
    for (let i = 0; i < 3; i++) await host.invoke('sync.now', {});
    expect(host.connection.status().state).toBe('reconnectNeeded');
    expect(fake.notifications).toEqual([{ title: 'Reconnect ShelfSync to QuickBooks', body: expect.stringMatching(/sign in again|Connect/) as unknown }]);
    expect(tray().tooltip).toMatch(/reconnect/);
  });
});
