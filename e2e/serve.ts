/** E2E launcher: the server package bundled on its own, so browser tests do not depend on the CLI build. */
import { startServer, type RunningServer } from '@nnlens/server';

/** Serves `files` and the built web app on a free port (or `port`). */
export function serve(files: string[], webRoot: string, port = 0): Promise<RunningServer> {
  return startServer({ files, webRoot, port, host: '127.0.0.1' });
}
