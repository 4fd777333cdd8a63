/** Starts the HTTP server on a host and port and returns its URL. */
import { buildApp, type AppOptions } from './app.js';

/** Options of startServer: the app options plus where to listen. */
export interface ServerOptions extends AppOptions {
  /** Interface to bind; 127.0.0.1 unless told otherwise, so models are not exposed to the network. */
  host?: string;
  /** TCP port; 6006 by default, 0 for any free port. */
  port?: number;
}

/** A running server. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens and resolves once the port is bound. Rejects with the OS error (e.g. EADDRINUSE) otherwise. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const app = await buildApp(opts);
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ host, port: opts.port ?? 6006 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 6006);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, close: () => app.close() };
}
