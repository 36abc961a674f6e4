import { describe, expect, it } from 'vitest';
import { serverLogLevel } from './server.ts';

/**
 * The demo's console keeps the account banner in view (issue 9, item 13): at `info` Fastify
 * writes two lines per request, so `npm start` on the demo logs warnings and errors only unless
 * LOG_LEVEL asks for more.
 */
describe('serverLogLevel', () => {
  it('is warn for the demo and info elsewhere when LOG_LEVEL is not set', () => {
    expect(serverLogLevel({}, true)).toBe('warn');
    expect(serverLogLevel({}, false)).toBe('info');
  });

  it('follows LOG_LEVEL whenever it is set', () => {
    expect(serverLogLevel({ LOG_LEVEL: 'info' }, true)).toBe('info');
    expect(serverLogLevel({ LOG_LEVEL: 'debug' }, false)).toBe('debug');
  });
});
