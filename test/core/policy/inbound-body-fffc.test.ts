// Attachment-only messages: imsg reports their text as U+FFFC, which must not count as a body.
import { describe, expect, it } from 'vitest';
import { resolveInboundBody } from '../../../electron/core/policy/inbound-body.js';
import type { ImsgMessage } from '../../../electron/core/imsg/message.js';

const account = { includeAttachments: true, attachmentRoots: ['/Users/*/Library/Messages/Attachments'], remoteAttachmentRoots: [] };
const attachment = { original_path: '/Users/me/Library/Messages/Attachments/ab/IMG_1.jpeg', mime_type: 'image/jpeg', missing: false };

describe('resolveInboundBody and U+FFFC', () => {
  it('uses the media placeholder for an attachment-only message', () => {
    const body = resolveInboundBody({ text: '\uFFFC', attachments: [attachment] } as unknown as ImsgMessage, account);
    expect(body.text).toBe('');
    expect(body.bodyText).toBe('<media:image>');
  });
  it('keeps the caption and drops the object replacement character', () => {
    const body = resolveInboundBody({ text: '\uFFFCnice view', attachments: [attachment] } as unknown as ImsgMessage, account);
    expect(body.bodyText).toBe('nice view');
  });
  it('is an empty body when attachments are off', () => {
    const body = resolveInboundBody({ text: '\uFFFC', attachments: [attachment] } as unknown as ImsgMessage, { ...account, includeAttachments: false });
    expect(body.bodyText).toBe('');
  });
});
