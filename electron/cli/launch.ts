// Executable `imsg-companion`: starts the CLI bundle through the V8 code cache (code-cache.ts).
import { fileURLToPath } from 'node:url';
import { boundYoungGeneration } from '../core/app/young-generation.js';
import { runBundle } from './code-cache.js';

// Before compiling: V8 checks its flags against the cache's, and serve sets this one anyway.
boundYoungGeneration();
runBundle(fileURLToPath(new URL('./imsg-companion-main.cjs', import.meta.url)), { useCache: process.env.IMSG_COMPANION_CODE_CACHE !== '0' });
