/** Query-string reading for the training routes: required names, integers, and JSON errors that say what was wrong. */
import type { FastifyReply } from 'fastify';

/** An HTTP error with a message meant for the user. */
export class TrainingHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Query parameters as Fastify parses them (a repeated name gives an array). */
export type Query = Record<string, string | string[] | undefined>;

/** A required string parameter (the first one when repeated). */
export function required(q: Query, name: string): string {
  const v = q[name];
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || s === '') throw new TrainingHttpError(400, `missing query parameter '${name}'`);
  return s;
}

/** An optional non-negative integer parameter. */
export function optionalInt(q: Query, name: string): number | undefined {
  const v = q[name];
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new TrainingHttpError(400, `query parameter '${name}' must be a non-negative integer, got '${s}'`);
  return n;
}

/** A required integer parameter (steps may be negative). */
export function requiredInt(q: Query, name: string): number {
  const s = required(q, name);
  const n = Number(s);
  if (!Number.isSafeInteger(n))
    throw new TrainingHttpError(400, `query parameter '${name}' must be an integer, got '${s}'`);
  return n;
}

/** Sends a thrown TrainingHttpError as `{ error }`; rethrows anything else (Fastify answers 500). */
export function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof TrainingHttpError) return reply.code(err.status).send({ error: err.message });
  throw err;
}

/** 404 for a (run, tag) that has no series of the asked kind. */
export function noSeries(kind: string, run: string, tag: string): TrainingHttpError {
  return new TrainingHttpError(404, `no ${kind} series '${tag}' in run '${run}'`);
}
