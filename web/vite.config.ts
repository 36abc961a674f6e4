import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

/**
 * Drops the WOFF fallback after each WOFF2 file in `@fontsource` CSS: every browser the bundle
 * runs in reads WOFF2, so the fallbacks are never fetched, yet they would double the font files in
 * web/dist and make the lazily loaded CSS of the sliced Chinese font (~100 faces a weight) about
 * twice as long.
 */
function woff2Only(): Plugin {
  return {
    name: 'homeward-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/][^?]+\.css(\?|$)/.test(id)) {
        return null;
      }
      return {
        code: code.replace(/,\s*url\([^)]+\.woff\)\s*format\(['"]woff['"]\)/g, ''),
        map: null,
      };
    },
  };
}

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes a .br and a .gz beside each text file of the build, which the server sends to browsers
 * that accept them (@fastify/static `preCompressed`): slow links get a third of the bytes, and
 * nothing is compressed per request.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return {
    name: 'homeward-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(fileURLToPath(new URL('./dist', import.meta.url)))) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < 1024) {
          continue;
        }
        const data = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        );
      }
    },
  };
}

/**
 * Web UI build. Run from the repository root: `vite build --config web/vite.config.ts`.
 * The root is this folder whatever the working directory, so `web/dist` is always the output.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [woff2Only(), precompress()],
  resolve: {
    alias: {
      '@web': fileURLToPath(new URL('./src', import.meta.url)),
      // The server's `*.schema.ts` files (zod only), shared so forms validate like the server.
      '@': fileURLToPath(new URL('../src', import.meta.url)),
    },
  },
  // Vite 8 compiles TSX with its built-in oxc transform; no React plugin is needed.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Fonts are small enough to keep as files; never inline them into the CSS.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // The caseworker app, and the light public pages (/check, /help: no React, no Mantine).
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        public: fileURLToPath(new URL('./public.html', import.meta.url)),
      },
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components; irrelevant here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') {
          return;
        }
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1' },
});
