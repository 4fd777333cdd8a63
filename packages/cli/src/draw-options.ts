/** Parses `nnlens draw` style options (`-O key=value`) into typed values, with errors naming the option. */

/** One `key=value` → [key, value]; values are numbers, booleans, JSON arrays/objects, or text. */
export function parseOption(entry: string): [string, unknown] {
  const m = /^([A-Za-z][\w.]*)=(.*)$/s.exec(entry);
  if (!m) throw new Error(`-O '${entry}': expected key=value, e.g. -O mapSpacing=8`);
  const [, key, raw] = m as unknown as [string, string, string];
  let value: unknown = raw;
  if (/^-?\d+(\.\d+)?$/.test(raw)) value = Number(raw);
  else if (raw === 'true' || raw === 'false') value = raw === 'true';
  else if (/^[[{]/.test(raw)) {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Error(`-O ${key}: '${raw}' is not valid JSON`);
    }
  }
  return [key, value];
}

/** Sets `a.b=1` as nested objects ({ a: { b: 1 } }). */
export function collectOptions(entries: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of entries) {
    const [key, value] = parseOption(e);
    const parts = key.split('.');
    let o = out;
    for (const p of parts.slice(0, -1)) {
      if (typeof o[p] !== 'object' || o[p] === null) o[p] = {};
      o = o[p] as Record<string, unknown>;
    }
    o[parts[parts.length - 1]!] = value;
  }
  return out;
}

/** Output kind from the file name: svg, png or tex; errors for what we cannot write. */
export function outputKind(file: string | undefined, style: string): 'svg' | 'png' | 'tex' {
  if (!file) return style === 'tikz' ? 'tex' : 'svg';
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === 'pdf') {
    throw new Error(
      `-o ${file}: PDF is not written directly; use --style tikz -o fig.tex and pdflatex, or -o fig.svg`,
    );
  }
  if (ext === 'tex') {
    if (style !== 'tikz') throw new Error(`-o ${file}: .tex output needs --style tikz (got ${style})`);
    return 'tex';
  }
  if (style === 'tikz') throw new Error(`-o ${file}: --style tikz writes LaTeX; name the output .tex`);
  if (ext === 'svg' || ext === 'png') return ext;
  throw new Error(`-o ${file}: unknown output type '.${ext ?? ''}' (use .svg, .png or .tex)`);
}
