// Runs in: renderer. Hands a file main prepared (a CSV export, the daily report) to the browser's
// download, named as main named it: text is written as UTF-8, byte-order mark included. In
// Electron a download opens the save dialog, so the supervisor chooses where it goes.
export function saveText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(filename, new Blob([text], { type }));
}

/** Bytes main sent as base64 (a PDF). */
export function saveBase64(filename: string, base64: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveBlob(filename, new Blob([bytes], { type }));
}

function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next task; free it then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
