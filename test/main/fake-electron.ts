// A hand-written stand-in for the `electron` module (Fiddle's tests/mocks/electron.ts idea), with
// no test-framework imports so the packaging smoke test can bundle it for plain Node too.
// Objects record what the app did to them; tests drive events through their EventEmitters.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Rect = { x: number; y: number; width: number; height: number };

/** A webContents: sends are recorded; the URL is whatever the window loaded. */
export class FakeWebContents extends EventEmitter {
  static #next = 1;
  readonly id = FakeWebContents.#next++;
  url = '';
  destroyed = false;
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Simulate the page being torn down. */
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** A BrowserWindow that is "ready to show" right after loadURL. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  destroyed = false;
  position: [number, number] | undefined;
  workspaces: unknown[] = [];
  readonly loaded: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.webContents.url = url;
    setImmediate(() => this.emit('ready-to-show'));
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    return this.visible;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  setPosition(x: number, y: number): void {
    if (!Number.isInteger(x) || !Number.isInteger(y)) throw new Error(`setPosition needs integers (got ${x}, ${y})`);
    this.position = [x, y];
  }
  setVisibleOnAllWorkspaces(...args: unknown[]): void {
    this.workspaces = args;
  }
}

/** A Tray recording its look and the menus it popped up. */
export class FakeTray extends EventEmitter {
  static readonly all: FakeTray[] = [];
  title = '';
  tooltip = '';
  ignoreDoubleClick = false;
  readonly menus: unknown[] = [];
  bounds: Rect = { x: 0, y: 0, width: 0, height: 0 };
  constructor(
    public image: unknown,
    readonly guid?: string,
  ) {
    super();
    FakeTray.all.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setToolTip(tip: string): void {
    this.tooltip = tip;
  }
  setIgnoreDoubleClickEvents(ignore: boolean): void {
    this.ignoreDoubleClick = ignore;
  }
  popUpContextMenu(menu: unknown): void {
    this.menus.push(menu);
  }
  getBounds(): Rect {
    return this.bounds;
  }
}

/** A Notification: `shown` once show() ran; tests emit 'action'/'click'/'failed' on it. */
export class FakeNotification extends EventEmitter {
  static readonly all: FakeNotification[] = [];
  static supported = true;
  /** What `getHistory()` resolves to (notifications an earlier run left in Notification Center). */
  static history: FakeNotification[] = [];
  shown = false;
  constructor(readonly options: { id?: string; title?: string; body?: string; actions?: Array<{ type: string; text?: string }> }) {
    super();
    FakeNotification.all.push(this);
  }
  get id(): string {
    return this.options.id ?? '';
  }
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  static async getHistory(): Promise<FakeNotification[]> {
    return FakeNotification.history;
  }
  show(): void {
    this.shown = true;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

/** A fresh fake `electron` module (main and renderer sides). */
export function createFakeElectron(
  opts: { lock?: boolean; appPath?: string; loginStatus?: string; platformDark?: boolean; openedAtLogin?: boolean; inApplications?: boolean; appData?: string; logs?: string } = {},
) {
  const calls: string[] = [];
  // Under the temp dir: a boot without a test log opens the real log file there (never in /).
  const base = join(tmpdir(), `imsg-fake-electron-${process.pid}`);
  const paths: Record<string, string> = { appData: opts.appData ?? join(base, 'Application Support'), logs: opts.logs ?? join(base, 'Logs', 'imsg Companion') };
  paths.userData = `${paths.appData}/imsg-companion`;
  const app = Object.assign(new EventEmitter(), {
    calls,
    paths,
    isPackaged: false,
    inApplications: opts.inApplications ?? true,
    moved: 0,
    moveResult: true as boolean | Error,
    isInApplicationsFolder: () => app.inApplications,
    moveToApplicationsFolder: () => {
      app.moved++;
      if (app.moveResult instanceof Error) throw app.moveResult;
      return app.moveResult;
    },
    getPath: (name: string) => {
      const p = paths[name];
      if (p === undefined) throw new Error(`fake app.getPath: no ${name}`);
      return p;
    },
    setPath: (name: string, path: string) => {
      calls.push(`setPath:${name}`);
      paths[name] = path;
    },
    login: { openAtLogin: false, status: opts.loginStatus ?? 'not-registered' } as { openAtLogin: boolean; status: string },
    activationPolicy: '',
    quitCount: 0,
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), opts.lock ?? true),
    enableSandbox: () => void calls.push('enableSandbox'),
    whenReady: () => (calls.push('whenReady'), Promise.resolve()),
    quit: () => {
      calls.push('quit');
      app.quitCount++;
    },
    exit: (code?: number) => void calls.push(`exit:${code ?? 0}`),
    relaunch: () => void calls.push('relaunch'),
    getAppPath: () => opts.appPath ?? '/app',
    getVersion: () => '0.0.0-test',
    setActivationPolicy: (policy: string) => void (app.activationPolicy = policy),
    getLoginItemSettings: () => ({ ...app.login, wasOpenedAtLogin: opts.openedAtLogin ?? false }),
    setLoginItemSettings: ({ openAtLogin }: { openAtLogin: boolean }) => void (app.login = { openAtLogin, status: openAtLogin ? 'enabled' : 'not-registered' }),
  });
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handlers,
    handle: <E>(channel: string, fn: (event: E, ...args: unknown[]) => unknown) => void handlers.set(channel, fn as Handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      calls.push('registerSchemesAsPrivileged');
      protocol.privileged.push(...schemes);
    },
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) => void protocol.handlers.set(scheme, fn),
  };
  const defaultSession = {
    requestHandler: undefined as ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined,
    checkHandler: undefined as (() => boolean) | undefined,
    setPermissionRequestHandler: (fn: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void) => void (defaultSession.requestHandler = fn),
    setPermissionCheckHandler: (fn: () => boolean) => void (defaultSession.checkHandler = fn),
  };
  const shell = {
    opened: [] as string[],
    shown: [] as string[],
    openExternal: async (url: string) => void shell.opened.push(url),
    showItemInFolder: (path: string) => void shell.shown.push(path),
    openPath: async (path: string) => (shell.opened.push(path), ''),
  };
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
  const screen = { displays: [primary], getAllDisplays: () => screen.displays, getPrimaryDisplay: () => screen.displays[0] ?? primary };
  const Menu = { applied: undefined as unknown, buildFromTemplate: (template: unknown[]) => ({ template }), setApplicationMenu: (menu: unknown) => void (Menu.applied = menu) };
  // A path under "/missing/" loads as an empty image (what createFromPath returns for a bad file).
  const nativeImage = { createFromPath: (path: string) => ({ path, isEmpty: () => path.includes('/missing/') }) };
  const dialog = {
    shown: [] as Array<Record<string, unknown>>,
    errors: [] as Array<[string, string]>,
    /** Button index the next message boxes answer (shifted per call; default 0). */
    answers: [] as number[],
    showMessageBox: async (...args: unknown[]) => {
      const options = args.find((a) => typeof a === 'object' && a !== null && 'message' in a) as Record<string, unknown>;
      dialog.shown.push(options);
      return { response: dialog.answers.shift() ?? 0, checkboxChecked: false };
    },
    showErrorBox: (title: string, content: string) => void dialog.errors.push([title, content]),
    /** Options of every open dialog shown. */
    opened: [] as Array<Record<string, unknown>>,
    /** What the next open dialogs answer (shifted per call; default: canceled). */
    openAnswers: [] as Array<{ canceled: boolean; filePaths: string[] }>,
    showOpenDialog: async (...args: unknown[]) => {
      const options = args.find((a) => typeof a === 'object' && a !== null && 'properties' in a) as Record<string, unknown>;
      dialog.opened.push(options);
      return dialog.openAnswers.shift() ?? { canceled: true, filePaths: [] };
    },
  };
  const powerMonitor = new EventEmitter();
  const powerSaveBlocker = {
    next: 1,
    active: new Set<number>(),
    started: [] as string[],
    start: (type: string) => {
      powerSaveBlocker.started.push(type);
      const id = powerSaveBlocker.next++;
      powerSaveBlocker.active.add(id);
      return id;
    },
    stop: (id: number) => powerSaveBlocker.active.delete(id),
    isStarted: (id: number) => powerSaveBlocker.active.has(id),
  };
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: opts.platformDark ?? false });
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposed, exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) };
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoked: [] as Array<[string, unknown[]]>,
    reply: (async () => ({ ok: true, data: {} })) as (channel: string, ...args: unknown[]) => Promise<unknown>,
    invoke: (channel: string, ...args: unknown[]) => (ipcRenderer.invoked.push([channel, args]), ipcRenderer.reply(channel, ...args)),
  });
  // safeStorage: reversible "encryption" that is visibly not the plain text.
  const safeStorage = {
    available: true,
    isEncryptionAvailable: () => safeStorage.available,
    encryptString: (plain: string) => Buffer.from(`enc:${[...plain].reverse().join('')}`),
    decryptString: (encrypted: Buffer) => [...encrypted.toString().replace(/^enc:/, '')].reverse().join(''),
  };
  return {
    app,
    ipcMain,
    safeStorage,
    protocol,
    session: { defaultSession },
    shell,
    screen,
    Menu,
    nativeImage,
    nativeTheme,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    dialog,
    powerMonitor,
    powerSaveBlocker,
    contextBridge,
    ipcRenderer,
  };
}

/** The type of {@link createFakeElectron}'s result. */
export type FakeElectron = ReturnType<typeof createFakeElectron>;
