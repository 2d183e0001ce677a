// Executable `imsg-companion`: starts the CLI bundle through the V8 code cache (code-cache.ts).
import { fileURLToPath } from 'node:url';
import { tuneV8ForAllDay } from '../core/app/v8-flags.js';
import { runBundle } from './code-cache.js';

// Before compiling: V8 checks its flags against the cache's, and serve sets these anyway.
tuneV8ForAllDay();
runBundle(fileURLToPath(new URL('./imsg-companion-main.cjs', import.meta.url)), { useCache: process.env.IMSG_COMPANION_CODE_CACHE !== '0' });
