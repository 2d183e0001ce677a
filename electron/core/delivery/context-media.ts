// The Media* fields of the inbound context (channel spec §13, §19).

/** One attachment as the agent sees it. */
export interface InboundMedia {
  /** Local (or, with MediaRemoteHost, remote) file path. */
  readonly path: string;
  readonly mimeType?: string;
}

/** The media part of the inbound context; every field is absent when there is no media. */
export interface MediaContextFields {
  MediaPath?: string;
  MediaType?: string;
  MediaUrl?: string;
  MediaPaths?: string[];
  MediaTypes?: string[];
  MediaUrls?: string[];
  MediaRemoteHost?: string;
}

/** What an attachment without a MIME type is declared as (as the reference does). */
export const DEFAULT_MEDIA_TYPE = 'application/octet-stream';

/** Media fields from the attachments with a non-blank path; the first one fills the singular fields. */
export function mediaFields(media: readonly InboundMedia[], remoteHost?: string): MediaContextFields {
  const usable = media.filter((m) => m.path.trim() !== '');
  const first = usable[0];
  if (!first) return {};
  const paths = usable.map((m) => m.path);
  const types = usable.map((m) => m.mimeType?.trim() || DEFAULT_MEDIA_TYPE);
  return {
    MediaPath: first.path,
    MediaType: types[0],
    MediaUrl: first.path,
    MediaPaths: paths,
    MediaTypes: types,
    MediaUrls: [...paths],
    ...(remoteHost?.trim() ? { MediaRemoteHost: remoteHost.trim() } : {}),
  };
}
