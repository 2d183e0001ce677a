// Failure texts of the IMCore-bridge paths on a normal Mac (SIP on, no injected helper).

/** `-32603` data of every bridge-only method (spec §3.7); the text after the second sentence is ours. */
export const SIP_ERROR_TEXT =
  'System Integrity Protection (SIP) is enabled. Refusing to inject into Messages.app. ' +
  "Advanced features need SIP disabled; see 'imsg launch --help'.";

/** `typing` failure when neither the bridge nor direct IMCore is usable (spec §3.6). */
export const TYPING_ERROR_TEXT =
  'Typing indicator failed: IMCore is not available to this process (missing com.apple.private.imcore entitlement)';

/** `read` failure: an un-localised bridge error, so Foundation's generic text (spec §3.6). */
export const READ_ERROR_TEXT = 'The operation couldn’t be completed. (IMsgCore.IMCoreBridgeError error 1.)';

/** Automation (TCC) denied, as osascript reports it after imsg's retry (spec §5.1). */
export const AUTOMATION_DENIED_TEXT =
  'AppleScript failed: 199:241: execution error: Not authorized to send Apple events to Messages. (-1743)';
