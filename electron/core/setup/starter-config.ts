// The commented starter config `imsg-companion init` writes: pairing for strangers, no groups
// until listed, the detected imsg, and the chosen agent (secrets only by reference).
import type { Detected } from './detect.js';

/** The agent the starter config sets up. */
export type StarterAgent =
  | { readonly type: 'echo' }
  | { readonly type: 'openai'; readonly baseUrl: string; readonly model: string; readonly apiKeySecret?: string; readonly apiKeyEnv?: string }
  | { readonly type: 'webhook'; readonly url: string; readonly secretName?: string; readonly secretEnv?: string }
  | { readonly type: 'command'; readonly argv: readonly string[] };

/** Inputs of {@link starterConfigText}. */
export interface StarterOptions {
  readonly detected: Detected;
  /** Overrides the detected imsg (e.g. an SSH wrapper script). */
  readonly cliPath?: string;
  readonly dbPath?: string;
  readonly agent: StarterAgent;
}

const q = (value: string): string => JSON.stringify(value);

function imsgLines(o: StarterOptions): string[] {
  if (o.cliPath) return ['      // The imsg program (given with --cli-path).', `      cliPath: ${q(o.cliPath)},`];
  const d = o.detected;
  if (d.imsg) {
    const via = d.imsgVia === 'PATH' ? 'found on PATH' : 'found in the Homebrew folder';
    return [`      // The imsg program (${via}). A full path works when the app is started from Finder too.`, `      cliPath: ${q(d.imsg)},`];
  }
  return ['      // imsg was NOT found on this Mac: install it (brew install steipete/tap/imsg), then put', '      // its full path here (e.g. "/opt/homebrew/bin/imsg").', '      cliPath: "imsg",'];
}

function dbLines(o: StarterOptions): string[] {
  if (o.dbPath) return ['      // The Messages database (given with --db-path).', `      dbPath: ${q(o.dbPath)},`];
  const d = o.detected;
  if (d.chatDb) return [`      // The Messages database was found at ${d.chatDb} (the default; no dbPath needed).`];
  return [`      // No Messages database at ${d.chatDbChecked} yet: open Messages and sign in first.`];
}

function backendLines(agent: StarterAgent): string[] {
  switch (agent.type) {
    case 'echo':
      return ['        // echo repeats each message: a safe first test. Replace it with a real agent', '        // (openai, webhook or command; see README → Agents) when pairing works.', '        backend: { type: "echo", prefix: "echo: " },'];
    case 'openai': {
      const key = agent.apiKeySecret
        ? [`          // The API key is in the secret store: imsg-companion secret set ${agent.apiKeySecret}`, `          apiKey: { secret: ${q(agent.apiKeySecret)} },`]
        : agent.apiKeyEnv
          ? [`          apiKeyEnv: ${q(agent.apiKeyEnv)},`]
          : ['          // No API key (a local server such as Ollama). For one: imsg-companion secret set OPENAI,', '          // then: apiKey: { secret: "OPENAI" },'];
      return ['        backend: {', '          type: "openai",', `          baseUrl: ${q(agent.baseUrl)},`, `          model: ${q(agent.model)},`, ...key, '        },'];
    }
    case 'webhook': {
      const secret = agent.secretName ? [`          secret: { secret: ${q(agent.secretName)} }, // imsg-companion secret set ${agent.secretName}`] : agent.secretEnv ? [`          secretEnv: ${q(agent.secretEnv)},`] : [];
      return ['        backend: {', '          type: "webhook",', `          url: ${q(agent.url)},`, ...secret, '        },'];
    }
    case 'command':
      return [`        backend: { type: "command", argv: [${agent.argv.map(q).join(', ')}] },`];
  }
}

/** The starter config's text (JSON5 with comments). */
export function starterConfigText(o: StarterOptions): string {
  return [
    '// imsg Companion config (JSON5: comments and trailing commas are fine), written by',
    '// `imsg-companion init`. The app reloads it when you save. Check it: imsg-companion config validate',
    '// (`config set` and the app rewrite this file without comments; the previous one is kept as .bak.)',
    '{',
    '  channels: {',
    '    imessage: {',
    ...imsgLines(o),
    ...dbLines(o),
    '      // Strangers who write get a one-time code and nothing else until you approve them:',
    '      //   imsg-companion pairing list / imsg-companion pairing approve CODE',
    '      dmPolicy: "pairing",',
    '      // Handles that may always write (phone numbers in +E.164, or emails).',
    '      allowFrom: [],',
    '      // Group chats are ignored until you list them (groupAllowFrom, groups).',
    '      groupPolicy: "allowlist",',
    '    },',
    '  },',
    '  agents: {',
    '    list: [',
    '      {',
    '        id: "assistant",',
    '        default: true,',
    ...backendLines(o.agent),
    '      },',
    '    ],',
    '  },',
    '}',
    '',
  ].join('\n');
}
