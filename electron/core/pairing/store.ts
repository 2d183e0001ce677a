// The pairing store (spec §9 plus §0.3): pending requests with codes, approved and blocked
// senders. Every change runs under one cross-process lock (the CLI and the app share the files).
import { normalizeHandle } from '../policy/normalize.js';
import { changeApprovalNote, notesFile, oweApprovalNote, readApprovalNotes, type ApprovalNote } from './approval-notes.js';
import { generateCode, normalizeCode, type RandomInt } from './codes.js';
import { readRequests, writeJson } from './files.js';
import { DEFAULT_ACCOUNT_ID, normalizeAccountId } from './paths.js';
import type { StoredRequest } from './schema.js';
import { SenderLists } from './sender-lists.js';
import { noteWaiting, readWaiting, waitingFile, writeWaiting, type WaitingSender } from './waiting.js';
import { MAX_PENDING_PER_ACCOUNT, PAIRING_TTL_MS, type PairingRequest, type PairingStoreOptions, type UpsertResult } from './types.js';

/** Pending requests, approvals, denials and blocks for every account of one state directory. */
export class PairingStore extends SenderLists {
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly maxPending: number;
  private readonly random: RandomInt | undefined;

  constructor(opts: PairingStoreOptions) {
    super(opts.stateDir, opts.lockTimeoutMs);
    this.now = opts.now ?? Date.now;
    this.ttlMs = opts.ttlMs ?? PAIRING_TTL_MS;
    this.maxPending = opts.maxPending ?? MAX_PENDING_PER_ACCOUNT;
    this.random = opts.random;
  }

  /** Unexpired requests, oldest first, of one account or all. */
  async listPending(accountId?: string): Promise<PairingRequest[]> {
    const only = accountId === undefined ? undefined : normalizeAccountId(accountId);
    // The UI asks often: read without the lock, which only expiry pruning (a write) needs.
    const stored = await readRequests(this.paths.pairing);
    const now = this.now();
    const expired = stored.some((r) => now >= Date.parse(r.createdAt) + this.ttlMs);
    const all = expired ? await this.withPending(async (requests) => ({ result: [...requests], changed: false })) : stored;
    return all
      .filter((r) => only === undefined || accountOf(r) === only)
      .map((r) => this.toPublic(r))
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.code.localeCompare(b.code));
  }

  /** Record a message from an unapproved sender; a new code only for a new, unblocked sender under the cap. */
  async upsertRequest(input: { accountId: string; senderId: string; meta?: Record<string, string> }): Promise<UpsertResult> {
    const accountId = normalizeAccountId(input.accountId);
    const id = normalizeHandle(input.senderId);
    if (!id) throw new Error(`Cannot record a pairing request: sender id ${JSON.stringify(input.senderId)} is empty`);
    return this.withPending<UpsertResult>(async (requests) => {
      if (await this.isBlockedFresh(accountId, id)) return { result: { code: '', created: false, blocked: true }, changed: false };
      const at = new Date(this.now()).toISOString();
      const meta = { ...input.meta, accountId };
      const existing = requests.find((r) => accountOf(r) === accountId && normalizeHandle(r.id) === id);
      if (existing) {
        // Re-contact keeps the code (no new reply is sent) but refreshes what we know; the first text stays.
        existing.lastSeenAt = at;
        const { firstText, codeUndelivered } = existing.meta;
        existing.meta = { ...meta, ...(firstText !== undefined && { firstText }), ...(codeUndelivered !== undefined && { codeUndelivered }) };
        return { result: { code: existing.code, created: false, request: this.toPublic(existing) }, changed: true };
      }
      if (requests.filter((r) => accountOf(r) === accountId).length >= this.maxPending) {
        const file = waitingFile(this.paths.dir);
        const waiting = this.liveWaiting(await readWaiting(file));
        const entry = noteWaiting(waiting, { id, accountId, at, meta });
        await writeWaiting(file, waiting);
        return { result: { code: '', created: false, waiting: { count: entry.count } }, changed: false };
      }
      const code = generateCode(new Set(requests.map((r) => normalizeCode(r.code))), this.random);
      const created: StoredRequest = { id, code, createdAt: at, lastSeenAt: at, meta };
      requests.push(created);
      await this.stopWaiting(accountId, id);
      return { result: { code, created: true, request: this.toPublic(created) }, changed: true };
    });
  }

  /** Strangers waiting for a free slot (oldest first), of one account or all; expired ones left out. */
  async listWaiting(accountId?: string): Promise<WaitingSender[]> {
    const only = accountId === undefined ? undefined : normalizeAccountId(accountId);
    const all = this.liveWaiting(await readWaiting(waitingFile(this.paths.dir)));
    return all.filter((w) => only === undefined || w.accountId === only).sort((a, b) => Date.parse(a.firstSeenAt) - Date.parse(b.firstSeenAt));
  }

  /**
   * When the account is under the cap again, turn its oldest waiting stranger into a request with a
   * code (the caller sends it); undefined when nobody waits or no slot is free.
   */
  async promoteWaiting(accountId: string): Promise<PairingRequest | undefined> {
    const account = normalizeAccountId(accountId);
    return this.withPending(async (requests) => {
      if (requests.filter((r) => accountOf(r) === account).length >= this.maxPending) return { result: undefined, changed: false };
      const file = waitingFile(this.paths.dir);
      const stored = await readWaiting(file);
      // Someone who got a request meanwhile (they wrote again while a slot was free) no longer waits.
      const hasRequest = (w: WaitingSender) => requests.some((r) => accountOf(r) === w.accountId && normalizeHandle(r.id) === w.id);
      const waiting = this.liveWaiting(stored).filter((w) => !hasRequest(w));
      const next = waiting.filter((w) => w.accountId === account).sort((a, b) => Date.parse(a.firstSeenAt) - Date.parse(b.firstSeenAt))[0];
      if (!next) {
        if (waiting.length !== stored.length) await writeWaiting(file, waiting);
        return { result: undefined, changed: false };
      }
      const at = new Date(this.now()).toISOString();
      const code = generateCode(new Set(requests.map((r) => normalizeCode(r.code))), this.random);
      const created: StoredRequest = { id: next.id, code, createdAt: at, lastSeenAt: next.lastSeenAt, meta: { ...next.meta, accountId: account } };
      requests.push(created);
      // The request is saved after this returns; a crash in between leaves them waiting, not lost.
      await writeWaiting(file, waiting.filter((w) => w !== next));
      return { result: this.toPublic(created), changed: true };
    });
  }

  /** Approve by code (trimmed, any case): the request goes and its sender joins the account's allowFrom. */
  async approve(code: string, accountId?: string): Promise<PairingRequest | null> {
    return this.takeRequest(code, accountId, async (req) => {
      await this.addToList('allowFrom', accountOf(req), req.id);
      const note: ApprovalNote = { accountId: accountOf(req), id: req.id, sender: req.meta.sender ?? req.id, approvedAt: new Date(this.now()).toISOString(), ...(req.meta.chatId !== undefined && { chatId: req.meta.chatId }) };
      await oweApprovalNote(notesFile(this.paths.dir), note);
    });
  }

  /**
   * Whether a pending request's code reached its sender: a failed send is kept in the request
   * (`meta.codeUndelivered`), so their next message sends it again, across restarts too.
   */
  async setCodeDelivered(accountId: string, senderId: string, delivered: boolean): Promise<void> {
    const account = normalizeAccountId(accountId);
    const id = normalizeHandle(senderId);
    await this.withPending(async (requests) => {
      const r = requests.find((x) => accountOf(x) === account && normalizeHandle(x.id) === id);
      if (!r || delivered === (r.meta.codeUndelivered === undefined)) return { result: undefined, changed: false };
      if (delivered) delete r.meta.codeUndelivered;
      else r.meta.codeUndelivered = '1';
      return { result: undefined, changed: true };
    });
  }

  /** Approval notes the app still owes (approval-notes.ts), oldest first. */
  async listOwedNotes(): Promise<ApprovalNote[]> {
    return readApprovalNotes(notesFile(this.paths.dir));
  }

  /** Under the lock: change one owed note, or settle it (drop it) when `change` returns undefined. */
  async changeOwedNote(accountId: string, id: string, change: (note: ApprovalNote) => ApprovalNote | undefined): Promise<void> {
    await this.locked(() => changeApprovalNote(notesFile(this.paths.dir), accountId, id, change));
  }

  /** Drop a request by code; with `block`, the sender is also ignored from now on. */
  async deny(code: string, opts: { block?: boolean; accountId?: string } = {}): Promise<PairingRequest | null> {
    return this.takeRequest(code, opts.accountId, async (req) => {
      if (opts.block) await this.addToList('blocked', accountOf(req), req.id);
    });
  }

  private async takeRequest(code: string, accountId: string | undefined, then: (req: StoredRequest) => Promise<void>): Promise<PairingRequest | null> {
    const wanted = normalizeCode(code);
    const only = accountId === undefined ? undefined : normalizeAccountId(accountId);
    if (!wanted) return null;
    return this.withPending(async (requests) => {
      const index = requests.findIndex((r) => normalizeCode(r.code) === wanted && (only === undefined || accountOf(r) === only));
      const req = requests[index];
      if (!req) return { result: null, changed: false };
      // The sender list is written first: a crash in between leaves a harmless stale request.
      await then(req);
      requests.splice(index, 1);
      return { result: this.toPublic(req), changed: true };
    });
  }

  /** Under the lock: load requests, prune expired ones, run `fn`, save when anything changed. */
  private async withPending<T>(fn: (requests: StoredRequest[]) => Promise<{ result: T; changed: boolean }>): Promise<T> {
    return this.locked(async () => {
      const stored = await readRequests(this.paths.pairing);
      const now = this.now();
      const live = stored.filter((r) => now < Date.parse(r.createdAt) + this.ttlMs);
      const { result, changed } = await fn(live);
      if (changed || live.length !== stored.length) await writeJson(this.paths.pairing, { version: 1, requests: live });
      return result;
    });
  }

  /** Under the lock: `id` got a request of its own (a slot was free when they wrote again), so it no longer waits. */
  private async stopWaiting(accountId: string, id: string): Promise<void> {
    const file = waitingFile(this.paths.dir);
    const waiting = await readWaiting(file);
    const kept = waiting.filter((w) => !(w.accountId === accountId && w.id === id));
    if (kept.length !== waiting.length) await writeWaiting(file, kept);
  }

  /** Waiting entries seen within the TTL (someone silent for an hour is no longer waiting). */
  private liveWaiting(waiting: WaitingSender[]): WaitingSender[] {
    const now = this.now();
    return waiting.filter((w) => now < Date.parse(w.lastSeenAt) + this.ttlMs);
  }

  private toPublic(r: StoredRequest): PairingRequest {
    const expiresAt = new Date(Date.parse(r.createdAt) + this.ttlMs).toISOString();
    const { firstText, chatType, chatName, contactName } = r.meta;
    const known = { ...(firstText && { firstText }), ...(chatType && { chatType }), ...(chatName && { chatName }), ...(contactName && { contactName }) };
    return { id: r.id, code: r.code, accountId: accountOf(r), createdAt: r.createdAt, expiresAt, lastSeenAt: r.lastSeenAt, meta: { ...r.meta }, ...known };
  }
}

/** The account a stored request belongs to (older files may lack meta.accountId). */
function accountOf(r: StoredRequest): string {
  return r.meta.accountId === undefined ? DEFAULT_ACCOUNT_ID : normalizeAccountId(r.meta.accountId);
}
