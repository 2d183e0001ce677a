// Webhook request signing: HMAC-SHA256 over `<timestamp>.<body>`, so a receiver can check both
// who sent the request and that it is not an old one replayed.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header with `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export const SIGNATURE_HEADER = 'X-Imsg-Companion-Signature';
/** Header with the signing time in Unix seconds. */
export const TIMESTAMP_HEADER = 'X-Imsg-Companion-Timestamp';

/** The signature header value for `body` sent at `timestamp` (Unix seconds). */
export function signWebhookBody(secret: string, timestamp: number | string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** True when `signature` is the one {@link signWebhookBody} makes (constant-time compare); for receivers and tests. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhookBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
