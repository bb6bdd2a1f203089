// Sandboxed preload of the desktop window. All logic is in bridge.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { installBridge } from './bridge';

installBridge({ contextBridge, ipcRenderer, window });
