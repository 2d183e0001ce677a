// imsg's help texts (spec §1.2, §1.3): root help and per-command help with literal TABs.
import { RUNTIME_OPTIONS, type OptionSpec } from './options.js';

/** Root-help command list of imsg 0.9.0: name and abstract, in imsg's order. */
export const IMSG_COMMANDS: readonly (readonly [string, string])[] = [
  ['chats', 'List recent conversations'],
  ['group', 'Show chat identity and participants for a chat id'],
  ['history', 'Show recent messages for a chat'],
  ['watch', 'Stream incoming messages'],
  ['send', 'Send a message (text and/or attachment)'],
  ['react', 'Send a tapback reaction to the most recent message'],
  ['read', 'Mark messages as read for a chat'],
  ['typing', 'Send typing indicator to a chat'],
  ['launch', 'Launch Messages.app with dylib injection'],
  ['status', 'Check availability of imsg advanced features'],
  ['rpc', 'Run JSON-RPC over stdin/stdout'],
  ['completions', 'Generate shell completions or LLM context'],
  ['send-rich', 'Send a message via the IMCore bridge (effects, replies, subjects)'],
  ['send-multipart', 'Send a multi-part message'],
  ['send-attachment', 'Send a file attachment via the IMCore bridge'],
  ['tapback', 'Send a tapback reaction via the IMCore bridge'],
  ['edit', 'Edit a sent message'],
  ['unsend', 'Retract a sent message'],
  ['delete-message', 'Delete a single message from a chat'],
  ['notify-anyways', 'Force a notification for a message that was filtered/suppressed'],
  ['chat-create', 'Create a new chat (1:1 or group)'],
  ['chat-name', "Set a chat's display name"],
  ['chat-photo', 'Set or clear a group chat photo'],
  ['chat-add-member', 'Add a participant to a group chat'],
  ['chat-remove-member', 'Remove a participant from a group chat'],
  ['chat-leave', 'Leave a group chat'],
  ['chat-delete', 'Delete a chat from Messages.app'],
  ['chat-mark', 'Mark a chat as read or unread'],
  ['search', 'Search local Messages history'],
  ['account', 'Show the active iMessage account'],
  ['whois', 'Check whether a handle is reachable on iMessage'],
  ['nickname', 'Show contact-card info for a handle'],
];

/** Root help (`imsg` with no arguments, or `--help`). */
export function rootHelp(version: string): string {
  const lines = [
    `imsg ${version}`,
    'Send and read iMessage / SMS from the terminal',
    '',
    'Usage:',
    '  imsg <command> [options]',
    '',
    'Commands:',
    ...IMSG_COMMANDS.map(([name, abstract]) => `  ${name}\t${abstract}`),
    '',
    "Run 'imsg <command> --help' for details.",
  ];
  return `${lines.join('\n')}\n`;
}

/** What a command's help shows. */
export interface HelpSpec {
  /** The program prefix: `imsg` for imsg's commands, `imsg-sim` for the management ones. */
  readonly program: string;
  readonly name: string;
  readonly abstract: string;
  readonly options: readonly OptionSpec[];
  readonly examples: readonly string[];
}

/** One option line: spellings, `<value>` when it takes one, TAB, help. */
function optionLine(o: OptionSpec): string {
  return `  ${o.names.join(', ')}${o.takesValue ? ' <value>' : ''}\t${o.help}`;
}

/** Command help in imsg's layout (the `rpc` one is pinned byte for byte by the spec). */
export function commandHelp(spec: HelpSpec): string {
  const lines = [
    `${spec.program} ${spec.name}`,
    spec.abstract,
    '',
    'Usage:',
    `  ${spec.program} ${spec.name} [options]`,
    '',
    'Options:',
    ...[...spec.options, ...RUNTIME_OPTIONS].map(optionLine),
    '',
    'Examples:',
    ...spec.examples.map((e) => `  ${e}`),
  ];
  return `${lines.join('\n')}\n`;
}
