// Shapes of the pairing files (spec §9); anything else is reported as corrupt, never reset.
import { z } from 'zod';
import { isValidAccountId } from './paths.js';

/** A pending request as stored in `imessage-pairing.json`. */
export interface StoredRequest {
  id: string;
  code: string;
  createdAt: string;
  lastSeenAt: string;
  meta: Record<string, string>;
}

/** An ISO-like time string `Date.parse` understands. */
export const timestamp = z.string().refine((s) => Number.isFinite(Date.parse(s)), { message: 'not a valid timestamp' });
// Older writers may have stored numeric chat ids; they are kept as text.
const metaValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const listEntry = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

const request = z
  .object({
    id: z.string().min(1),
    code: z.string().min(1),
    createdAt: timestamp,
    lastSeenAt: timestamp.optional(),
    meta: z.record(z.string(), metaValue).optional(),
  })
  .refine((r) => r.meta?.accountId === undefined || isValidAccountId(r.meta.accountId), { message: 'meta.accountId is not a valid account id' })
  .transform((r): StoredRequest => ({ id: r.id, code: r.code, createdAt: r.createdAt, lastSeenAt: r.lastSeenAt ?? r.createdAt, meta: r.meta ?? {} }));

/** `imessage-pairing.json`. */
export const pairingFileSchema = z.object({ version: z.literal(1), requests: z.array(request) });

/** `imessage-<account>-allowFrom.json` (and the legacy unscoped one). */
export const allowFromFileSchema = z.object({ version: z.literal(1), allowFrom: z.array(listEntry) });

/** `imessage-<account>-blocked.json` (§0.3). */
export const blockedFileSchema = z.object({ version: z.literal(1), blocked: z.array(listEntry) });

/** Which list a sender file holds; also its JSON key. */
export type ListKind = 'allowFrom' | 'blocked';

/** One line per problem, each with its JSON path (`requests[2].code: …`). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
      return `${path || '(top level)'}: ${issue.message}`;
    })
    .join('; ');
}
