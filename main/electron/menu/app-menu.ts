// The application menu (macOS menu bar; Alt on Windows and Linux, where it stays hidden): the standard edit and
// window roles (macOS needs them for copy and paste), zoom, and Help > "Open logs folder" for IT. No reload and no
// developer tools in a packaged app. Built as data for Menu.buildFromTemplate, so it is tested without Electron.

export type MenuRole =
  | 'appMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'about'
  | 'quit'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools';

export interface MenuEntry {
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  click?: () => void;
  submenu?: MenuEntry[];
}

export interface AppMenuActions {
  openLogsFolder(): void;
  showAbout(): void;
}

export function appMenuTemplate(platform: NodeJS.Platform, developer: boolean, actions: AppMenuActions): MenuEntry[] {
  const view: MenuEntry[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
    ...(developer
      ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
      : []),
  ];
  const help: MenuEntry[] = [
    { label: 'Open logs folder', click: actions.openLogsFolder },
    ...(platform === 'darwin'
      ? []
      : [{ type: 'separator' as const }, { label: 'About Practice Messenger', click: actions.showAbout }]),
  ];
  return [
    ...(platform === 'darwin'
      ? [{ role: 'appMenu' as const }]
      : [{ label: 'File', submenu: [{ role: 'quit' as const }] }]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { label: 'Help', submenu: help },
  ];
}
