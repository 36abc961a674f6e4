import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the one `homeward start` shared by every e2e file, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
  }
}

/**
 * Starts one server (fresh data directory, seeded demo) for the whole e2e run: PGlite takes
 * seconds to start, so files share it and each test uses its own browser context instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    await server.stop();
  };
}
