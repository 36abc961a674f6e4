#!/usr/bin/env node
// Entry point of the `homeward` command: registers the TypeScript loader, then runs the CLI.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
await import('../src/cli/homeward.ts');
