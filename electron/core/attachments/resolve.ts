// Inbound attachments of one message (§19): which files the agent gets, which were dropped and why,
// and the `<media:…>` placeholder for a message without text.
import type { ResolvedAccount } from '../config/accounts.js';
import { mediaKind } from '../policy/inbound-body.js';
import { fetchRemoteFile } from '../remote/fetch-remote.js';
import { parseAttachmentEntries, type AttachmentEntry } from './entries.js';
import { checkLocalAttachment } from './local.js';
import { fetchRemoteAttachment, type RemoteContext } from './remote.js';
import { withRealRoots } from './roots.js';
import { remoteCacheDir } from './session-dir.js';
import { maxBytesFor } from './size-text.js';
import type { AttachmentResult, InboundAttachment } from './types.js';

export type { AttachmentResult, DroppedAttachment, InboundAttachment, MediaKind } from './types.js';

/** What resolution needs besides the message. */
export interface ResolveAttachmentOptions {
  account: ResolvedAccount;
  /** The host from resolveRemoteHost; set means every path is on the remote Mac and is copied. */
  remoteHost?: string;
  stateDir: string;
  sessionKey: string;
  /** Test seam: the copier (default fetchRemoteFile). */
  fetchRemote?: typeof fetchRemoteFile;
  /** Extra scp/ssh options (e.g. `['-F', cfg]`), passed to the copier. */
  sshArgs?: string[];
}

/** MIME type used when the Mac reported none (the kind is then `attachment`). */
export const UNKNOWN_MIME = 'application/octet-stream';

/** The output record of a usable file. */
function toInbound(entry: AttachmentEntry, path: string, remote: boolean): InboundAttachment {
  return { path, mimeType: entry.mimeType ?? UNKNOWN_MIME, kind: mediaKind(entry.mimeType) ?? 'attachment', remote };
}

/**
 * Resolve a message's attachments (§19). With `includeAttachments` off every attachment is
 * reported as dropped (the feature is off), never silently ignored. Entries are handled in
 * order; a remote one is copied into `<stateDir>/media/remote-cache/<session>/`.
 */
export async function resolveInboundAttachments(message: { attachments?: unknown; text?: unknown }, opts: ResolveAttachmentOptions): Promise<AttachmentResult> {
  const { entries, dropped } = parseAttachmentEntries(message.attachments);
  const result: AttachmentResult = { valid: [], dropped, placeholder: null };
  if (!opts.account.includeAttachments) {
    result.dropped.push(...entries.map((e) => ({ originalPath: e.path, reason: 'attachments off (includeAttachments is false)' })));
    return result;
  }
  const { account } = opts;
  const maxBytes = maxBytesFor(account.mediaMaxMb);
  const host = opts.remoteHost?.trim() || undefined;
  const roots = host ? account.remoteAttachmentRoots : account.attachmentRoots;
  const realRoots = host ? roots : await withRealRoots(roots);
  const remote: RemoteContext | undefined = host
    ? { host, destDir: remoteCacheDir(opts.stateDir, opts.sessionKey), maxBytes, fetchRemote: opts.fetchRemote ?? fetchRemoteFile, ...(opts.sshArgs ? { sshArgs: opts.sshArgs } : {}) }
    : undefined;
  for (const entry of entries) {
    if (entry.path.trim() === '') result.dropped.push({ originalPath: entry.path, reason: 'no path' });
    else if (entry.missing) result.dropped.push({ originalPath: entry.path, reason: 'missing' });
    else if (remote) {
      const fetched = await fetchRemoteAttachment(entry, roots, remote);
      if (fetched.ok) result.valid.push(toInbound(entry, fetched.localPath, true));
      else result.dropped.push(fetched.drop);
    } else {
      const checked = await checkLocalAttachment(entry, roots, realRoots, maxBytes);
      if (checked.ok) result.valid.push(toInbound(entry, checked.realPath, false));
      else result.dropped.push(checked.drop);
    }
  }
  // Attachment-only messages carry U+FFFC as their text (imsg does not strip it): not real text.
  const text = typeof message.text === 'string' ? message.text.replace(/\uFFFC/g, '').trim() : '';
  const first = result.valid[0];
  // Message text wins over the placeholder (§19).
  result.placeholder = text === '' && first ? `<media:${first.kind}>` : null;
  return result;
}
