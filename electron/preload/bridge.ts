// The preload's whole job, without 'electron' so it is tested with fakes: expose one function to the
// page, and pass the port main sends back on to the page.
//
// Why the detour through window.postMessage: MessagePort objects cannot cross contextBridge, and
// the preload runs in an isolated world. Electron's documented pattern is that the preload receives
// the port over ipcRenderer and re-posts it to its own window, where the page's listener gets it.

/** Must match electron/main/security.ts. */
export const ACQUIRE_PORT_CHANNEL = 'gcs:acquire-port';
export const PORT_CHANNEL = 'gcs:port';
/** Must match renderer/platform/channels.ts PORT_MESSAGE. */
export const PORT_MESSAGE = 'gcs:contract-port';

export interface IpcRendererLike {
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: { ports: readonly unknown[] }, ...args: unknown[]) => void): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: Record<string, unknown>): void;
}

export interface WindowLike {
  postMessage(message: unknown, targetOrigin: string, transfer?: unknown[]): void;
}

export function installBridge(deps: { contextBridge: ContextBridgeLike; ipcRenderer: IpcRendererLike; window: WindowLike }): void {
  deps.ipcRenderer.on(PORT_CHANNEL, (event) => {
    if (event.ports.length !== 1) return;
    // '*' is safe here: the message goes to this same window only, and main hands out a port only
    // to a window showing app://gcs/index.html (electron/main/security.ts isTrustedSender), with
    // navigation elsewhere denied; naming the origin would add nothing but a way to get it wrong.
    deps.window.postMessage(PORT_MESSAGE, '*', [...event.ports]);
  });
  // The page gets one function, taking no arguments: nothing it passes can reach main.
  deps.contextBridge.exposeInMainWorld('gcsBridge', {
    acquirePort: () => deps.ipcRenderer.send(ACQUIRE_PORT_CHANNEL),
  });
}
