/** `nnlens serve`: starts the HTTP server with the web app and the given models. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '@nnlens/server';

/** Starts the server and keeps it running until the process is stopped. */
export async function runServe(
  files: string[],
  opts: { host: string; port: number; logdir?: string },
): Promise<void> {
  for (const f of files) if (!existsSync(f)) throw new Error(`no such file: ${f}`);
  const webRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));
  if (!existsSync(`${webRoot}index.html`))
    throw new Error(`web app not built (${webRoot}): run 'npm run build'`);
  const server = await startServer({
    files,
    host: opts.host,
    port: opts.port,
    webRoot,
    logdirs: opts.logdir,
  });
  console.log(`nnlens serving ${files.length} model(s) at ${server.url}`);
  if (opts.logdir) console.log(`nnlens training logs from ${opts.logdir} at ${server.url}/training`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
