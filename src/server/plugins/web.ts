import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Serves the built web UI (web/dist), brotli or gzip when the browser accepts it. Hashed assets
 * are cached for a year; index.html is never cached so a new version is picked up at once.
 */
export const webPlugin = fp(async (app: FastifyInstance, opts: { webDir: string }) => {
  const index = join(opts.webDir, 'index.html');
  if (!existsSync(index)) {
    app.log.warn(`No web UI build in ${opts.webDir}: run \`npm run build\`. The API still works.`);
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain')
        .send('Homeward API is running. Build the web UI with `npm run build`.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: opts.webDir,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each text file (web/vite.config.ts).
    preCompressed: true,
    // Cache-Control is ours (below); @fastify/static 9 would otherwise send `max-age=0` over it.
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
  // The public pages (no login): the job-offer checker and find help, one light entry.
  for (const path of existsSync(join(opts.webDir, 'public.html')) ? PUBLIC_PAGES : []) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('public.html'),
    );
  }
});

/** Paths of the public pages, all served by web/public.html (web/src/public-pages). */
export const PUBLIC_PAGES = ['/check', '/help'] as const;
