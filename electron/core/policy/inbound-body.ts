// The body the decision works on (channel spec §10 pre-steps, §19): the trimmed text, else a
// `<media:…>` placeholder from the first attachment under the allowed roots.
import { posix } from 'node:path';
import type { ImsgAttachment, ImsgMessage } from '../imsg/message.js';

/** The media kind of a MIME type (parameters and case ignored); undefined without a type. */
export function mediaKind(mime: string | undefined): 'image' | 'audio' | 'video' | 'document' | undefined {
  const type = (mime ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!type) return undefined;
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  return 'document';
}

/** `<media:image|audio|video|document>`, or `<media:attachment>` when there is no MIME type. */
export function mediaPlaceholder(mime: string | undefined): string {
  return `<media:${mediaKind(mime) ?? 'attachment'}>`;
}

/** POSIX-normalized path segments (`\` → `/`, `..` resolved, trailing `/` dropped). */
function segments(path: string): string[] {
  return posix.normalize(path.replace(/\\/g, '/')).split('/').filter(Boolean);
}

/** True when `path` lies under `root`; a `*` root segment matches exactly one segment; case-sensitive. */
export function isUnderRoot(path: string, root: string): boolean {
  if (!path.startsWith('/') && !path.startsWith('\\')) return false;
  const file = segments(path);
  const base = segments(root);
  if (base.length === 0 || file.length < base.length) return false;
  return base.every((seg, i) => seg === '*' || seg === file[i]);
}

/** Attachments that count (§19): a non-empty path, not missing, under one of `roots` (empty roots deny). */
export function validAttachments(attachments: readonly ImsgAttachment[] | undefined, roots: readonly string[]): ImsgAttachment[] {
  return (attachments ?? []).filter((a) => {
    const path = a.original_path ?? '';
    return path.trim() !== '' && a.missing !== true && roots.some((root) => isUnderRoot(path, root));
  });
}

/** What the decision needs from the body: trimmed text, bodyText (text or placeholder), valid attachments. */
export interface InboundBody {
  readonly text: string;
  readonly bodyText: string;
  readonly attachments: readonly ImsgAttachment[];
}

/** Resolve the body (§10 pre-steps 1–3); attachments only count when `includeAttachments` is on. */
export function resolveInboundBody(message: ImsgMessage, account: { readonly includeAttachments: boolean; readonly remoteHost?: string; readonly attachmentRoots: readonly string[]; readonly remoteAttachmentRoots: readonly string[] }): InboundBody {
  // Attachment-only rows carry U+FFFC (object replacement) as their text; imsg keeps it, we don't,
  // so the placeholder (or "empty body") applies instead of a body made of one invisible char.
  const text = (message.text ?? '').replace(/\uFFFC/g, '').trim();
  const roots = account.remoteHost ? account.remoteAttachmentRoots : account.attachmentRoots;
  const attachments = account.includeAttachments ? validAttachments(message.attachments, roots) : [];
  const first = attachments[0];
  return { text, bodyText: text || (first ? mediaPlaceholder(first.mime_type) : ''), attachments };
}
