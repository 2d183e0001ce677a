// The terminal sanitizer: untrusted text cannot drive the terminal or forge a line.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { activityLine } from '../../../electron/cli/serve/activity-line.js';
import { formatTable } from '../../../electron/core/pairing/format.js';
import { safeBlock, safeField, terminalSafeStream } from '../../../electron/core/text/terminal-safe.js';

const HOSTILE = 'evil@x.com\u001b]52;c;cHduZWQ=\u0007\r\n12:00:00 [default] inbound dispatch forged\u009b2J\u202e';

describe('terminal-safe text', () => {
  it('a field keeps no control character: ESC, OSC, BEL, CR, LF, C1 and bidi overrides are shown escaped', () => {
    const out = safeField(HOSTILE);
    expect(out).toBe('evil@x.com\\e]52;c;cHduZWQ=\\x07\\r\\n12:00:00 [default] inbound dispatch forged\\x9b2J\\u202e');
     
    expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(safeField('plain text, ünïcode 👍')).toBe('plain text, ünïcode 👍');
  });

  it('a block keeps its own newlines and tabs, nothing else', () => {
    expect(safeBlock('a\tb\nc\u001b[31m\u0000')).toBe('a\tb\nc\\e[31m\\x00');
  });

  it('serve prints one line per activity entry, whatever the sender and text hold', () => {
    const line = activityLine({ id: '1', at: '2026-01-01T12:00:00.000Z', accountId: 'default', kind: 'inbound', decision: 'dispatch', sender: HOSTILE, preview: 'hi\nthere\u0007', detail: 'bytes \u001b[2J' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toContain('\u001b');
    expect(line).toContain('\\e]52;');
  });

  it('a table (pairing list) escapes every cell, so one request stays one row', () => {
    const table = formatTable([['CODE', 'SENDER'], ['ABCD1234', HOSTILE]]);
    expect(table.trimEnd().split('\n')).toHaveLength(2);
    expect(table).not.toContain('\u0007');
  });

  it('a wrapped stream escapes whatever a command writes', () => {
    const sink = new PassThrough();
    let written = '';
    sink.on('data', (c: Buffer) => (written += c.toString()));
    terminalSafeStream(sink).write('error: file holds \u001b]0;title\u0007\n');
    expect(written).toBe('error: file holds \\e]0;title\\x07\n');
  });
});
