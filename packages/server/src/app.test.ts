import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { startServer } from './start.js';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nnlens-server-'));
  mkdirSync(join(dir, 'models', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'models', 'a.onnx'), 'MODEL-A');
  writeFileSync(join(dir, 'models', 'a.onnx.data'), 'DATA-A');
  writeFileSync(join(dir, 'models', 'sub', 'inner.bin'), 'INNER');
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'models', 'escape.data'));
  symlinkSync(join(dir, 'models', 'a.onnx.data'), join(dir, 'models', 'alias.data'));
  writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>nnlens</title>');
  writeFileSync(join(dir, 'web', 'assets', 'app.js'), 'console.log(1)');
  app = await buildApp({ files: [join(dir, 'models', 'a.onnx')], webRoot: join(dir, 'web') });
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('model routes', () => {
  it('lists the given files with id, name and size', async () => {
    const res = await app.inject('/api/models');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ id: '0', name: 'a.onnx', size: 7 }]);
  });

  it('streams the model bytes', async () => {
    const res = await app.inject('/api/models/0/file');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.body).toBe('MODEL-A');
    expect(res.headers['content-disposition']).toBe(`inline; filename="a.onnx"; filename*=UTF-8''a.onnx`);
  });

  it('404s unknown model ids', async () => {
    for (const id of ['1', '-1', '0x0', 'abc', '00a']) {
      const res = await app.inject(`/api/models/${id}/file`);
      expect(res.statusCode, id).toBe(404);
    }
  });

  it('serves a sidecar beside the model, also through an inside symlink', async () => {
    expect((await app.inject('/api/models/0/sidecar/a.onnx.data')).body).toBe('DATA-A');
    expect((await app.inject('/api/models/0/sidecar/alias.data')).body).toBe('DATA-A');
  });

  it.each([
    ['..%2fsecret.txt'],
    ['%2e%2e%2fsecret.txt'],
    ['..%252fsecret.txt'],
    ['%252e%252e%252fsecret.txt'],
    ['..%5csecret.txt'],
    ['%2F' + 'etc%2Fpasswd'],
    ['..'],
    ['.'],
    ['escape.data'],
    ['sub'],
    ['sub%2finner.bin'],
    ['missing.data'],
    ['a.onnx.data%00'],
  ])('refuses sidecar %s', async (name) => {
    const res = await app.inject(`/api/models/0/sidecar/${name}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('SECRET');
  });

  it('refuses a path walk around the router', async () => {
    for (const url of [
      '/api/models/0/sidecar/../../../secret.txt',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const res = await app.inject(url);
      expect(res.body, url).not.toContain('SECRET');
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
    }
  });

  it('answers 413 with a clear message over maxFileBytes', async () => {
    const small = await buildApp({
      files: [join(dir, 'models', 'a.onnx')],
      webRoot: join(dir, 'web'),
      maxFileBytes: 4,
    });
    const res = await small.inject('/api/models/0/file');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatch(/7 bytes.*limit of 4 bytes/);
    const side = await small.inject('/api/models/0/sidecar/a.onnx.data');
    expect(side.statusCode).toBe(413);
    await small.close();
  });
});

describe('web routes', () => {
  it('serves index.html at / and assets', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>nnlens</title>');
    expect((await app.inject('/assets/app.js')).body).toBe('console.log(1)');
  });

  it('falls back to index.html for client routes, JSON 404 for unknown API routes', async () => {
    const page = await app.inject({ url: '/training', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>nnlens</title>');
    const api = await app.inject({ url: '/api/nothing', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json().error).toContain('/api/nothing');
  });

  it('explains a missing build instead of failing', async () => {
    const bare = await buildApp({ files: [], webRoot: join(dir, 'nowhere') });
    const res = await bare.inject('/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    await bare.close();
  });
});

describe('startServer', () => {
  it('binds 127.0.0.1 by default and serves the API', async () => {
    const server = await startServer({
      files: [join(dir, 'models', 'a.onnx')],
      webRoot: join(dir, 'web'),
      port: 0,
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const list = (await (await fetch(`${server.url}/api/models`)).json()) as unknown[];
      expect(list).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
