import { describe, expect, it } from 'vitest';
import { contactNameOf, MAX_CONTACT_NAME } from '../../../electron/core/pairing/contact-name.js';

describe('contactNameOf (imsg sender_name, rpc spec §3.8)', () => {
  it('takes the Contacts name of an inbound message', () => {
    expect(contactNameOf({ sender: '+15550100001', sender_name: 'Carol Diaz', is_from_me: false })).toBe('Carol Diaz');
  });

  it('has none when imsg gave none usable', () => {
    expect(contactNameOf({ sender: '+1' })).toBeUndefined(); // imsg < 0.6.0, or not a contact
    expect(contactNameOf({ sender: '+1', sender_name: 42 })).toBeUndefined();
    expect(contactNameOf({ sender: '+1', sender_name: '  \n\t ' })).toBeUndefined();
    expect(contactNameOf({ sender: '+1', sender_name: '+1' })).toBeUndefined();
    expect(contactNameOf({ sender: '+1', sender_name: 'Me', is_from_me: true })).toBeUndefined();
  });

  it('flattens control and bidi characters to one line', () => {
    expect(contactNameOf({ sender_name: 'Eve\u202e\u0007 \nAdmin\u200b' })).toBe('Eve Admin');
  });

  it('cuts a long name by characters, not UTF-16 units', () => {
    const name = contactNameOf({ sender_name: '😀'.repeat(200) }) ?? '';
    expect([...name]).toHaveLength(MAX_CONTACT_NAME);
    expect(name.endsWith('😀…')).toBe(true);
  });
});
