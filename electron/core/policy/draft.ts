// The decision under construction: fields filled in as §10's steps run, plus the trace.
import type { InboundDecision, TraceStep } from './decide-types.js';

/** Mutable decision state shared by the decide steps; `finish` freezes it into a verdict. */
export class DecisionDraft {
  readonly steps: TraceStep[] = [];
  chatType: 'direct' | 'group' = 'direct';
  sessionKey: string | null = null;
  agentId: string | null = null;
  wasMentioned = false;
  commandAuthorized = false;
  fields: Omit<InboundDecision, 'decision' | 'reason' | 'chatType' | 'sessionKey' | 'agentId' | 'wasMentioned' | 'commandAuthorized' | 'steps'>;

  constructor(fields: DecisionDraft['fields']) {
    this.fields = fields;
  }

  /** Record a step that let the message through. */
  pass(step: string, detail: string): void {
    this.steps.push({ step, outcome: 'pass', detail });
  }

  /** Record a step that only informs (no gate). */
  info(step: string, detail: string): void {
    this.steps.push({ step, outcome: 'info', detail });
  }

  /** Finish with a drop at `step`. */
  drop(reason: string, step: string, detail: string): InboundDecision {
    this.steps.push({ step, outcome: 'drop', detail });
    return this.finish('drop', reason);
  }

  /** Freeze into the verdict. */
  finish(decision: InboundDecision['decision'], reason: string | null): InboundDecision {
    return {
      decision,
      reason,
      chatType: this.chatType,
      sessionKey: this.sessionKey,
      agentId: this.agentId,
      wasMentioned: this.wasMentioned,
      commandAuthorized: this.commandAuthorized,
      steps: this.steps,
      ...this.fields,
    };
  }
}
