// Runs in: Electron preload (sandboxed). The narrow bridge: one function per contract
// channel, nothing else; no Node or Electron object reaches the renderer.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ArrivalsApi } from '../ipc/contract';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as ArrivalsApi;

contextBridge.exposeInMainWorld('arrivals', api satisfies ArrivalsApi);
