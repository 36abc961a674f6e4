import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import {
  AppError,
  ERROR_STATUS,
  ERROR_TITLE,
  type ErrorCode,
  type FieldIssue,
  validationFailed,
} from '@/lib/errors.ts';

/** Request fields safe to log beside an error: its route pattern, never the URL with values. */
function where(request: FastifyRequest): { route: string | undefined; method: string } {
  return { route: request.routeOptions.url, method: request.method };
}

/** A Fastify error with a 4xx status (a response that failed its schema is the server's fault). */
function isClientError(error: FastifyError): boolean {
  const status = error.statusCode ?? 0;
  return !isResponseSerializationError(error) && status >= 400 && status < 500;
}

/**
 * Logs a 500's cause: the error through the log's `err` serializer (`loggableError`: type, code,
 * frames — never the message), the request id (on every line), method and route pattern.
 */
function logServerError(error: FastifyError, request: FastifyRequest): void {
  if (isResponseSerializationError(error)) {
    const issues = (error.cause as { issues?: { path: PropertyKey[]; code: string }[] }).issues;
    request.log.error(
      {
        err: error,
        ...where(request),
        issues: issues?.map((i) => ({ path: i.path.map(String).join('.'), code: i.code })),
      },
      'response failed its schema',
    );
  } else {
    request.log.error({ err: error, ...where(request) }, 'unhandled error');
  }
}

/** Stable problem `type` URIs: one per error code. */
export const problemType = (code: ErrorCode) =>
  `https://homeward.invalid/problems/${code.replace(/_/g, '-')}`;

/** Writes an RFC 9457 problem+json response. */
export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  extra: { detail?: string | undefined; errors?: FieldIssue[] | undefined; status?: number } = {},
): FastifyReply {
  const status = extra.status ?? ERROR_STATUS[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .send({
      type: problemType(code),
      title: ERROR_TITLE[code],
      status,
      ...(extra.detail && { detail: extra.detail }),
      code,
      ...(extra.errors && { errors: extra.errors }),
    });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
};

function validationIssues(error: FastifyError): FieldIssue[] {
  const context = (error as { validationContext?: string }).validationContext;
  return (error.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    // fastify-type-provider-zod spreads the Zod issue into `params`: unknown keys are `params.keys`.
    const extraKeys = (v.params as { keys?: string[] } | undefined)?.keys;
    return {
      path: [context, path, extraKeys?.join(',')].filter(Boolean).join('.'),
      message: v.message ?? 'Invalid value',
    };
  });
}

/**
 * One error handler for the whole API: domain errors keep their code, validation errors list
 * every issue with its path, body-parser errors become 4xx, anything else a generic 500 that is
 * logged with the request id and never echoed.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) {
        void reply.headers(error.headers);
      }
      return sendProblem(reply, error.code, { detail: error.detail, errors: error.errors });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problem = validationFailed(validationIssues(error));
      return sendProblem(reply, problem.code, { detail: problem.detail, errors: problem.errors });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      return sendProblem(reply, mapped, { detail: error.message });
    }
    if (isClientError(error)) {
      return sendProblem(reply, error.statusCode === 404 ? 'not_found' : 'validation_failed', {
        status: error.statusCode,
        detail: error.message,
      });
    }
    logServerError(error, request);
    return sendProblem(reply, 'internal_error', {
      detail: `Quote this reference when reporting the problem: ${request.id}`,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 'not_found', {
      detail: `No route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
});
