/** Saves bytes or text as a file through a temporary link. */

/** Starts a download of `data` as `fileName`. */
export function download(
  data: Blob | ArrayBuffer | string,
  fileName: string,
  type = 'application/octet-stream',
): void {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name stem from a model name: `resnet18.onnx` → `resnet18`. */
export function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '') || 'graph';
}
