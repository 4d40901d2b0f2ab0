// Runs in: renderer. Hands a file main prepared (a CSV export) to the browser's download, named as
// main named it: the text is written as UTF-8, byte-order mark included.
export function saveText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next task; free it then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
