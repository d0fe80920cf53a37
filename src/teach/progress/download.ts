/** Saves text as a file through a temporary object URL (no network; the browser's own download). */
export function download(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads the files a file input holds, as text. */
export function readFiles(input: HTMLInputElement): Promise<{ name: string; text: string }[]> {
  return Promise.all([...(input.files ?? [])].map(async (file) => ({ name: file.name, text: await file.text() })));
}
