// The sandboxed preload: exposes exactly the desktop API to the page as window.practiceMessenger.
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopBridge } from './desktop-bridge.js';

contextBridge.exposeInMainWorld('practiceMessenger', createDesktopBridge(ipcRenderer));
