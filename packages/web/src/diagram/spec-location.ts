/** Spec error positions: the text offset of a line and column, and the message without its file:line:col prefix. */

/** Offset in `text` of 1-based `line` and `column` (clamped to the text). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}

/** "spec.yaml:6:13: layers[1].kernel: expected …" → "expected …" (the field and place are shown apart). */
export function problemText(message: string, field?: string): string {
  let m = message.replace(/^[^\s:]+(:\d+:\d+)?: /, '');
  if (field && m.startsWith(`${field}: `)) m = m.slice(field.length + 2);
  return m;
}
