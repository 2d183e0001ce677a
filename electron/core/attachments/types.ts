// What attachment resolution hands the orchestrator (§19, §13 media fields).

/** The media kinds of `<media:…>` placeholders. */
export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'attachment';

/** A usable attachment: a local file (copied first when the Mac is remote) for MediaPath(s)/MediaType(s). */
export interface InboundAttachment {
  path: string;
  mimeType: string;
  kind: MediaKind;
  remote: boolean;
}

/** An attachment that was not used, with the reason the user is shown (nothing is dropped silently). */
export interface DroppedAttachment {
  originalPath: string;
  reason: string;
}

/** Per message: the valid attachments, the dropped ones, and the body placeholder (null when text wins or nothing is valid). */
export interface AttachmentResult {
  valid: InboundAttachment[];
  dropped: DroppedAttachment[];
  placeholder: string | null;
}
