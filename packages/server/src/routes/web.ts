/** Serves the built web app from its root, with index.html for client-side routes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Registers static serving of `webRoot`; unknown non-API GETs that want HTML get index.html. */
export async function webRoutes(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasIndex = existsSync(join(webRoot, 'index.html'));
  if (hasIndex) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: 'index.html',
      wildcard: true,
      dotfiles: 'deny',
    });
  } else {
    // Without a build the API still works; say plainly how to get the page.
    app.get('/', async (_req, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(
          `nnlens: the web app is not built (no index.html in ${webRoot}); run: npm run build -w @nnlens/web\n`,
        ),
    );
  }

  app.setNotFoundHandler(async (req, reply) => {
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (hasIndex && req.method === 'GET' && !req.url.startsWith('/api/') && wantsHtml) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({ error: `not found: ${req.method} ${req.url.split('?')[0]}` });
  });
}
