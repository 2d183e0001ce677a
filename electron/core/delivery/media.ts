// Outbound media (channel spec §18): the `<media:…>` placeholder sent with a captionless file, and
// the size check against `mediaMaxMb` before a file is handed to imsg.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { expandHome } from '../fs/expand-home.js';
import { mediaKind } from '../policy/inbound-body.js';

/** What a file is, as far as the placeholder is concerned. */
export type MediaKind = 'image' | 'audio' | 'video' | 'document';

/** One MiB: `mediaMaxMb` counts in these. */
export const MIB = 1024 * 1024;

/** The kind of a MIME type (parameters and case ignored; unknown types are documents); undefined without one. */
export function mediaKindFromMime(mime: string | undefined): MediaKind | undefined {
  return mediaKind(mime);
}

/** `<media:image|audio|video|document>` for a captionless file, or undefined when the MIME type is unknown. */
export function outboundMediaPlaceholder(mime: string | undefined): string | undefined {
  const kind = mediaKindFromMime(mime);
  return kind ? `<media:${kind}>` : undefined;
}

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', heic: 'image/heic', heif: 'image/heif', webp: 'image/webp', tif: 'image/tiff', tiff: 'image/tiff', bmp: 'image/bmp',
  mp3: 'audio/mpeg', m4a: 'audio/mp4', aac: 'audio/aac', wav: 'audio/wav', caf: 'audio/x-caf', aif: 'audio/aiff', aiff: 'audio/aiff', amr: 'audio/amr', ogg: 'audio/ogg', opus: 'audio/opus', flac: 'audio/flac',
  mp4: 'video/mp4', m4v: 'video/x-m4v', mov: 'video/quicktime', '3gp': 'video/3gpp', webm: 'video/webm', mkv: 'video/x-matroska', avi: 'video/x-msvideo',
  pdf: 'application/pdf', txt: 'text/plain', vcf: 'text/vcard', zip: 'application/zip',
};

/**
 * A MIME type guessed from the file name, for sends where nobody told us one (the CLI's
 * `--file`); an unknown extension is `application/octet-stream`, i.e. a document.
 */
export function mimeFromPath(path: string): string {
  return MIME_BY_EXTENSION[extname(path).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

/** A file that passed {@link checkOutboundMedia}. */
export interface CheckedMedia {
  /** The path with `~` expanded: what goes into the send's `file` param. */
  readonly path: string;
  readonly size: number;
}

const mb = (bytes: number): string => `${(bytes / MIB).toFixed(1)} MB`;

/**
 * Check a file before sending it (the only I/O in delivery): it must exist, be a regular file
 * and be at most `mediaMaxMb` MiB. Throws an Error naming the file and the limit.
 */
export async function checkOutboundMedia(path: string, mediaMaxMb: number): Promise<CheckedMedia> {
  const trimmed = path.trim();
  if (!trimmed) throw new Error('media file path is empty');
  const resolved = expandHome(trimmed);
  let info;
  try {
    info = await stat(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable (permission denied)' : `cannot be read (${code ?? String(error)})`;
    throw new Error(`media file ${resolved} ${why}`, { cause: error });
  }
  if (!info.isFile()) throw new Error(`media file ${resolved} is not a regular file`);
  const maxBytes = Math.max(0, mediaMaxMb) * MIB;
  if (info.size > maxBytes) {
    throw new Error(`media file ${resolved} is ${mb(info.size)}, over the ${mediaMaxMb} MB limit (mediaMaxMb)`);
  }
  return { path: resolved, size: info.size };
}
