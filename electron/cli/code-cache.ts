// The CLI starts through a V8 code cache: the bundle (CommonJS, ~1.5 MB) is compiled with the
// bytecode an earlier run kept, so a start skips parsing and compiling what that run compiled
// (~40 ms of the ~250 ms from launch to watching; `npm run bench` → startup). The cache is only
// trusted when it is ours: next to the bundle, owned by this user, not writable by others, and
// made for this exact bundle (size + mtime), Node version and arch. Anything else compiles as usual.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { constants as vmConstants, Script } from 'node:vm';

/** What a cache must have been made for: the bundle file as it is now, and this runtime. */
export function cacheKey(bundlePath: string): string {
  const st = statSync(bundlePath);
  return `imsg-companion-v8cache 1 ${st.size} ${st.mtimeMs} ${process.version} ${process.arch}\n`;
}

/** The cached bytecode in `cacheFile` for `key`, or undefined (missing, foreign, not private, stale). */
export function readCodeCache(cacheFile: string, key: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(cacheFile, 'r');
    const st = fstatSync(fd);
    // Bytecode runs as our code: never from a file someone else could have written.
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
    if ((st.mode & 0o022) !== 0) return undefined;
    const data = readFileSync(fd);
    const header = Buffer.from(key, 'utf8');
    if (data.length <= header.length || !data.subarray(0, header.length).equals(header)) return undefined;
    return data.subarray(header.length);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write `key` + `data` to `cacheFile` atomically (0600); false when it cannot be written (a read-only install). */
export function writeCodeCache(cacheFile: string, key: string, data: Buffer): boolean {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([Buffer.from(key, 'utf8'), data]), { mode: 0o600 });
    renameSync(tmp, cacheFile);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}

/** How long a run lives before it leaves its cache (more of the CLI is compiled by then); an earlier exit writes it too. */
const WRITE_AFTER_MS = 1000;

/**
 * Leave a cache for the next start: when there was none, after a second or at exit (whichever is
 * first); when this run compiled much more than the cache held (a `--version` made it, now
 * `serve` runs), after a second, so the cache grows to what the long-running commands use.
 */
function keepCache(script: Script, cacheFile: string, key: string, had: Buffer | undefined): void {
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    const data = script.createCachedData();
    if (!had || data.length > had.length * 1.1) writeCodeCache(cacheFile, key, data);
  };
  setTimeout(write, WRITE_AFTER_MS).unref();
  if (!had) process.once('exit', write);
}

/**
 * Run the CommonJS `bundlePath` as the main program, through the code cache beside it
 * (`<bundle>.v8cache`); `useCache: false` (IMSG_COMPANION_CODE_CACHE=0) compiles plainly.
 */
export function runBundle(bundlePath: string, opts: { useCache?: boolean } = {}): 'used' | 'none' | 'rejected' | 'off' {
  const source = readFileSync(bundlePath, 'utf8');
  const cacheFile = `${bundlePath}.v8cache`;
  const useCache = opts.useCache ?? true;
  const key = useCache ? cacheKey(bundlePath) : '';
  const cachedData = useCache ? readCodeCache(cacheFile, key) : undefined;
  const script = new Script(Module.wrap(source), {
    filename: bundlePath,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (useCache) keepCache(script, cacheFile, key, script.cachedDataRejected === true ? undefined : cachedData);
  const mod = new Module(bundlePath);
  mod.filename = bundlePath;
  const require = createRequire(bundlePath);
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, require, mod, bundlePath, dirname(bundlePath));
  return !useCache ? 'off' : !cachedData ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used';
}
