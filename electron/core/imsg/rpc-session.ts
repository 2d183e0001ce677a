// The JSON-RPC conversation over one child's pipes: framing, ids, matching, notifications.
import { DiagnosticRing } from './diagnostic-ring.js';
import { LineFramer } from './line-framer.js';
import { ListenerSet } from './listener-set.js';
import { PendingRequests } from './pending-requests.js';
import { routeLine, type RoutedLine } from './route-line.js';
import { ImsgProtocolError, ImsgRpcError } from './rpc-errors.js';
import type { ChildHandle } from './spawn-child.js';
import { SubscriptionHub } from './subscription-hub.js';

/** A server→client notification as received. */
export interface ImsgNotification {
  method: string;
  params: unknown;
}

/** Turns a raw result into the caller's value, synchronously, before later lines are read. */
export type AcceptResult = (result: unknown) => unknown;

/** Reads one child's stdout/stderr and writes requests to its stdin. */
export class RpcSession {
  readonly pending = new PendingRequests();
  readonly ring: DiagnosticRing;
  readonly hub = new SubscriptionHub((err, method) => this.report('', `${method} handler threw: ${String(err)}`));
  readonly notifications = new ListenerSet<ImsgNotification>();
  readonly protocolErrors = new ListenerSet<ImsgProtocolError>();
  readonly stderrLines = new ListenerSet<string>();
  #nextId = 1;

  constructor(private readonly limits: { stderrLines?: number; maxLineChars?: number }) {
    this.ring = new DiagnosticRing(limits.stderrLines ?? 200);
  }

  /** Start reading the child's output. */
  attach(child: ChildHandle): void {
    const stdout = new LineFramer(
      { onLine: (line) => this.#onLine(line), onOverflow: (head, max) => this.report(head, `line longer than ${max} characters without a newline; discarded`) },
      this.limits.maxLineChars,
    );
    const stderr = new LineFramer({
      onLine: (line) => {
        this.ring.push(line);
        this.stderrLines.emit(line);
      },
      onOverflow: (head) => this.ring.push(head),
    });
    child.stdout.on('data', (chunk: Buffer | string) => stdout.push(chunk));
    child.stdout.on('end', () => stdout.end());
    child.stderr.on('data', (chunk: Buffer | string) => stderr.push(chunk));
    child.stderr.on('end', () => stderr.end());
    // EPIPE after the child died surfaces as the exit; stream errors must not crash the app.
    for (const stream of [child.stdin, child.stdout, child.stderr]) stream.on('error', () => undefined);
  }

  /** Write one request (ids from 1) and wait for its response. */
  send(child: ChildHandle, method: string, params: Record<string, unknown> | undefined, timeoutFor: (firstRequest: boolean) => number, accept: AcceptResult): Promise<unknown> {
    const id = this.#nextId++;
    let line: string;
    try {
      line = `${JSON.stringify({ jsonrpc: '2.0', id, method, params: params ?? {} })}\n`;
    } catch (err) {
      return Promise.reject(new TypeError(`imsg rpc ${method} (id ${id}): params are not JSON-serialisable: ${String(err)}`));
    }
    const firstRequest = id === 1;
    return new Promise((resolve, reject) => {
      this.pending.add({ id, method, firstRequest, accept, resolve, reject }, timeoutFor(firstRequest));
      child.stdin.write(line);
    });
  }

  /** Emit a protocol problem to listeners. */
  report(line: string, reason: string): void {
    this.protocolErrors.emit(new ImsgProtocolError(line, reason));
  }

  #onLine(line: string): void {
    const routed = routeLine(line);
    if (routed.type === 'response') this.#settle(routed, line);
    else if (routed.type === 'notification') {
      this.notifications.emit({ method: routed.method, params: routed.params }, (err) => this.report(line, `notification listener threw: ${String(err)}`));
      this.hub.deliver(routed.method, routed.params);
    } else {
      this.ring.push(`[stdout] ${line}`);
      this.report(line, routed.reason);
    }
  }

  #settle(routed: Extract<RoutedLine, { type: 'response' }>, line: string): void {
    const request = this.pending.take(routed.key);
    if (!request) return this.report(line, `response for unknown request id ${routed.key}`);
    if (routed.error) {
      const { code, message, data } = routed.error;
      return request.reject(new ImsgRpcError(request.method, code, message, data, request.id));
    }
    if (!routed.hasResult) {
      const err = new ImsgProtocolError(line, `response to ${request.method} (id ${request.id}) has neither result nor error`);
      this.protocolErrors.emit(err);
      return request.reject(err);
    }
    try {
      request.resolve(request.accept(routed.result));
    } catch (err) {
      if (err instanceof ImsgProtocolError) this.protocolErrors.emit(err);
      request.reject(err);
    }
  }
}
