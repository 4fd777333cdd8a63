/** Model routes: list the served models, stream a model file and the sidecar files beside it. */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ModelProvider, ServedFile } from '../provider.js';

/** Options of the model routes. */
export interface ModelRoutesOptions {
  models: ModelProvider;
  maxFileBytes: number;
}

/** RFC 6266 header so the page (and a browser download) knows the real file name behind `/file`. */
function contentDisposition(path: string): string {
  const name = basename(path);
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function sendFile(reply: FastifyReply, file: ServedFile, maxFileBytes: number, what: string): FastifyReply {
  if (file.size > maxFileBytes) {
    return reply.code(413).send({
      error: `${what} is ${file.size} bytes, over the server's limit of ${maxFileBytes} bytes (maxFileBytes)`,
    });
  }
  reply.header('content-type', 'application/octet-stream');
  reply.header('content-length', String(file.size));
  reply.header('cache-control', 'no-cache');
  reply.header('content-disposition', contentDisposition(file.path));
  // 1 MiB reads: model files are large and read once, start to end.
  return reply.send(createReadStream(file.path, { highWaterMark: 1 << 20 }));
}

/** Registers `/api/models`, `/api/models/:id/file` and `/api/models/:id/sidecar/:name`. */
export function modelRoutes(app: FastifyInstance, opts: ModelRoutesOptions): void {
  const { models, maxFileBytes } = opts;

  app.get('/api/models', async () => models.list());

  app.get<{ Params: { id: string } }>('/api/models/:id/file', async (req, reply) => {
    const file = await models.file(req.params.id);
    if (!file) return reply.code(404).send({ error: `no model with id '${req.params.id}'` });
    return sendFile(reply, file, maxFileBytes, `model '${req.params.id}'`);
  });

  app.get<{ Params: { id: string; name: string } }>('/api/models/:id/sidecar/:name', async (req, reply) => {
    const { id, name } = req.params;
    const file = await models.sidecar(id, name);
    if (!file) return reply.code(404).send({ error: `no file '${name}' beside model '${id}'` });
    return sendFile(reply, file, maxFileBytes, `sidecar '${name}'`);
  });
}
