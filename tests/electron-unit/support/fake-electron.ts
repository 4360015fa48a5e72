// A recording stand-in for the parts of the `electron` module (and electron-store) the host uses,
// so desktop-host.test.ts can run the assembled host in plain Node. Only Electron is faked here.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  notifications: [] as FakeNotification[],
  ipcHandlers: new Map<string, Listener>(),
  badgeCounts: [] as number[],
  loginItems: [] as unknown[],
  permissionHandlers: { request: null as Listener | null, check: null as Listener | null },
  headerListener: null as Listener | null,
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  applicationMenu: null as unknown,
  dialogs: [] as { message: string; detail?: string }[],
  paths: { userData: '', appData: '', appPath: '', logs: '' },
  calls: [] as string[],
  singleInstanceLock: true,
};

class FakeEmitter extends EventEmitter {
  override on(event: string, listener: Listener): this {
    return super.on(event, listener);
  }
}

export const app = Object.assign(new FakeEmitter(), {
  isPackaged: false,
  getAppPath: () => recorded.paths.appPath,
  getPath: (name: 'userData' | 'appData' | 'logs') => recorded.paths[name],
  getName: () => 'Practice Messenger',
  getVersion: () => '0.0.0-test',
  setAsDefaultProtocolClient: (scheme: string) => void recorded.calls.push(`setAsDefaultProtocolClient ${scheme}`),
  commandLine: { appendSwitch: (name: string, value?: string) => void recorded.calls.push(`switch ${name}=${value}`) },
  focus: () => undefined,
  quit: () => void recorded.calls.push('quit'),
  exit: (code: number) => void recorded.calls.push(`exit ${code}`),
  enableSandbox: () => void recorded.calls.push('enableSandbox'),
  setPath: (name: string, value: string) => void recorded.calls.push(`setPath ${name} ${value}`),
  setAppUserModelId: () => undefined,
  requestSingleInstanceLock: () => recorded.singleInstanceLock,
  whenReady: () => Promise.resolve(),
  getLoginItemSettings: () => ({ wasOpenedAsHidden: false }),
  setBadgeCount: (count: number) => {
    recorded.badgeCounts.push(count);
    return true;
  },
  setLoginItemSettings: (settings: unknown) => void recorded.loginItems.push(settings),
  dock: undefined,
});

export const ipcMain = {
  handle: (channel: string, listener: Listener) => void recorded.ipcHandlers.set(channel, listener),
  removeHandler: (channel: string) => void recorded.ipcHandlers.delete(channel),
};

export const powerMonitor = Object.assign(new FakeEmitter(), {
  idleSeconds: 0,
  getSystemIdleTime: () => powerMonitor.idleSeconds,
});

export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text: string) => Buffer.from(`enc:${text}`),
  decryptString: (data: Buffer) => data.toString().slice(4),
};

export const session = {
  defaultSession: {
    fetch: (input: string | Request, init?: RequestInit) => fetch(input, init),
    resolveProxy: async () => 'DIRECT',
    setPermissionRequestHandler: (handler: Listener) => void (recorded.permissionHandlers.request = handler),
    setPermissionCheckHandler: (handler: Listener) => void (recorded.permissionHandlers.check = handler),
    webRequest: { onHeadersReceived: (listener: Listener) => void (recorded.headerListener = listener) },
  },
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const shell = {
  openExternal: async () => undefined,
  openPath: async (path: string) => (recorded.calls.push(`openPath ${path}`), ''),
};
export const dialog = {
  showErrorBox: () => undefined,
  showMessageBox: async (...args: unknown[]) => {
    const options = args.at(-1) as { message: string; detail?: string };
    recorded.dialogs.push({ message: options.message, detail: options.detail });
    return { response: 1, checkboxChecked: false };
  },
};
export const protocol = {
  registerSchemesAsPrivileged: () => void recorded.calls.push('registerSchemesAsPrivileged'),
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
    void recorded.protocolHandlers.set(scheme, handler),
};
/** net.fetch of file:// URLs, as the pm-app protocol handler uses it: the file from disk. */
export const net = {
  fetch: async (url: string) => {
    const { readFile } = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    const type = url.endsWith('.html') ? 'text/html' : url.endsWith('.js') ? 'text/javascript' : 'text/plain';
    return new Response(await readFile(fileURLToPath(url)), { headers: { 'Content-Type': type } });
  },
};
export const nativeTheme = Object.assign(new FakeEmitter(), {
  shouldUseDarkColors: false,
  shouldUseDarkColorsForSystemIntegratedUI: true,
});
export const crashReporter = {
  options: null as unknown,
  start(options: unknown) {
    crashReporter.options = options;
    recorded.calls.push('crashReporter');
  },
};

let nextContentsId = 1;

class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  readonly sent: [string, unknown][] = [];
  openHandler: Listener | null = null;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: Listener) {
    this.openHandler = handler;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  loadedFile: string | null = null;
  overlay: unknown[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  loadFile(file: string) {
    this.loadedFile = file;
    return Promise.resolve();
  }
  loadedUrl: string | null = null;
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  isMaximized = () => false;
  isFullScreen = () => false;
  isVisible = () => this.visible;
  getNormalBounds = () => ({ x: 10, y: 10, width: 1200, height: 800 });
  maximize() {}
  restore() {}
  show() {
    this.visible = true;
    this.emit('show');
  }
  hide() {
    this.visible = false;
  }
  focus() {
    this.focused = true;
  }
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.visible = false;
  }
  setOverlayIcon(image: unknown, description: string) {
    this.overlay.push([image, description]);
  }
}
export { FakeBrowserWindow as BrowserWindow };

export class FakeTray extends FakeEmitter {
  tooltip = '';
  menu: unknown = null;
  image: unknown;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    recorded.trays.push(this);
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  title = '';
  setTitle(text: string) {
    this.title = text;
  }
  setContextMenu(menu: unknown) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}
export { FakeTray as Tray };

export const Menu = {
  buildFromTemplate: (items: unknown[]) => ({ items }),
  setApplicationMenu: (menu: unknown) => void (recorded.applicationMenu = menu),
};

class FakeNativeImage {
  readonly representations: number[] = [];
  template = false;
  setTemplateImage(on: boolean) {
    this.template = on;
  }
  addRepresentation(options: { scaleFactor: number }) {
    this.representations.push(options.scaleFactor);
  }
}
export const nativeImage = {
  createEmpty: () => new FakeNativeImage(),
  createFromBuffer: (_png: Buffer, options: { scaleFactor: number }) => {
    const image = new FakeNativeImage();
    image.addRepresentation(options);
    return image;
  },
};

export class FakeNotification extends FakeEmitter {
  static isSupported = () => true;
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    recorded.notifications.push(this);
  }
  show() {
    this.shown = true;
  }
}
export { FakeNotification as Notification };

/** electron-store's default export: an in-memory key-value store per name. */
const stores = new Map<string, Map<string, unknown>>();
export class FakeStore {
  private readonly values: Map<string, unknown>;
  constructor(options: { name?: string } = {}) {
    const name = options.name ?? 'config';
    this.values = stores.get(name) ?? new Map();
    stores.set(name, this.values);
  }
  get(key: string) {
    return this.values.get(key);
  }
  set(key: string, value: unknown) {
    this.values.set(key, value);
  }
  delete(key: string) {
    this.values.delete(key);
  }
}
