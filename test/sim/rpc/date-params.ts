// `start`/`end` ISO params shared by messages.history and watch.subscribe.
import { isoToAppleNs } from '../db/apple-time.js';
import { internalError } from './errors.js';
import { paramString, type Params } from './params.js';

/** Apple nanoseconds for an ISO param; a bad value is `-32603 Invalid ISO8601 date: <value>`. */
export function paramIsoDate(p: Params, key: string): bigint | undefined {
  const value = paramString(p, key);
  if (value === undefined || value === '') return undefined;
  const ns = isoToAppleNs(value);
  if (ns === undefined) throw internalError(`Invalid ISO8601 date: ${value}`);
  return ns;
}
