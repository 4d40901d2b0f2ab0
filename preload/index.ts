// Runs in: Electron preload (sandboxed). The narrow bridge: one function per contract
// channel, and one to send a file's bytes in chunks (ipc/upload.ts); no Node or Electron object
// reaches the renderer.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type ArrivalsApi } from '../ipc/contract';
import { UPLOAD_CHANNEL, type UploadBridge } from '../ipc/upload';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as ArrivalsApi;

contextBridge.exposeInMainWorld('arrivals', api satisfies ArrivalsApi);

const upload: UploadBridge = {
  chunk: (uploadId, offset, bytes) => ipcRenderer.invoke(UPLOAD_CHANNEL, uploadId, offset, bytes),
};
contextBridge.exposeInMainWorld('arrivalsUpload', upload);
