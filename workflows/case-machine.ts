/**
 * The case statechart (ärendets flöde). Pure: no clock, no timers, no I/O. Every
 * event carries its own time (`at`); deadlines are stored in the context as dates.
 *
 * received ─PROTECTION_ASSESSED(no)─▶ preliminaryAssessment { planning ⇄ invited ▶ conversationHeld }
 * received ─PROTECTION_ASSESSED(yes)─▶ investigation (urgent)
 * preliminaryAssessment.* (and received, violence cases only) ─DECISION_PROPOSED─▶ awaitingApproval
 * awaitingApproval ─DECISION_APPROVED─▶ supportOffered | closed | investigation
 * awaitingApproval ─DECISION_RETURNED─▶ the exact state the proposal came from
 * investigation ─INVESTIGATION_CONCLUDED─▶ supportOffered | closed
 * supportOffered ─SUPPORT_ACCEPTED | SUPPORT_DECLINED─▶ closed (final)
 *
 * Every transition is guarded by `allowed`, which calls the same `refusal` that
 * `decide` uses to explain a refusal. Effects are the `sendLetter` and
 * `sendFeedback` actions (see `Effect` in types.ts); they are returned by
 * `transition()` and never executed here.
 */
import { assertEvent, assign, enqueueActions, setup } from "xstate";
import { decisionDue, investigationDue, protectionAssessmentDue } from "./deadlines";
import { refusal } from "./rules";
import type {
  CaseCommand,
  CaseContext,
  CaseOpenedEvent,
  CaseOutcome,
  DecisionOutcome,
  Effect,
  FeedbackOutcome,
  LetterKind,
  ProposalOrigin,
  ReportRef,
  StateName,
} from "./types";

/** Bump when states or context change shape; stored with every snapshot. */
export const CASE_MACHINE_VERSION = 1;

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function copyReport(r: ReportRef): ReportRef {
  return {
    id: r.id,
    receivedAt: r.receivedAt,
    violence: r.violence,
    protectedIdentity: r.protectedIdentity,
    mandatedReporter: r.mandatedReporter,
  };
}

function optional(text: string | undefined): string | null {
  return text !== undefined && text.trim().length > 0 ? text : null;
}

export function initialContext(opened: CaseOpenedEvent): CaseContext {
  const report = copyReport(opened.report);
  const decision = decisionDue(report.receivedAt);
  return {
    caseId: opened.caseId,
    referenceNumber: opened.referenceNumber,
    child: { name: opened.child.name, protectedIdentity: opened.child.protectedIdentity },
    reports: [report],
    flags: {
      violence: report.violence,
      protectedIdentity: opened.child.protectedIdentity || report.protectedIdentity,
      urgent: false,
    },
    assignee: null,
    deadlines: {
      protectionAssessment: { due: protectionAssessmentDue(report.receivedAt), metAt: null },
      decision: { due: decision, originalDue: decision, extensions: [], metAt: null },
      investigation: null,
    },
    protection: null,
    invitation: null,
    conversation: null,
    noShows: 0,
    proposal: null,
    decision: null,
    returnComment: null,
    investigationNotice: null,
    conclusion: null,
    supportOffered: [],
    supportAnswer: null,
    notes: [],
    closedAt: null,
    outcome: null,
  };
}

const FEEDBACK: Record<DecisionOutcome, FeedbackOutcome | null> = {
  openInvestigation: "investigationOpened",
  noInvestigation: "notOpened",
  alreadyInvestigated: "alreadyUnderway",
  // The receiving municipality decides, and gives the feedback.
  transfer: null,
};

/** Underrättelse om utredning, unless a violence case (then INVESTIGATION_NOTICE_SENT sends it). */
function investigationOpenedEffects(context: CaseContext): Effect[] {
  return context.flags.violence ? [] : [{ type: "sendLetter", params: { letter: "investigationNotice" } }];
}

/** Återkoppling goes to mandated reporters only; a private reporter gets the receipt and nothing more. */
function feedbackEffects(context: CaseContext, decided: DecisionOutcome): Effect[] {
  const outcome = FEEDBACK[decided];
  const reportIds = context.reports.filter((r) => r.mandatedReporter).map((r) => r.id);
  return outcome && reportIds.length > 0 ? [{ type: "sendFeedback", params: { outcome, reportIds } }] : [];
}

/** ASSIGNED, REPORT_ADDED, NOTE_ADDED and DEADLINE_EXTENDED: taken in every open state, staying there. */
function inEveryOpenState<From extends StateName>(from: From) {
  const guard = { type: "allowed", params: { from } } as const;
  return {
    ASSIGNED: { guard, actions: "setAssignee" },
    REPORT_ADDED: { guard, actions: "addReport" },
    NOTE_ADDED: { guard, actions: "addNote" },
    DEADLINE_EXTENDED: { guard, actions: "extendDeadline" },
    // The text is the event's own (and the hash chain's); the context keeps nothing of it.
    REPORT_SUPPLEMENTED: { guard, actions: "acceptSupplement" },
  } as const;
}

const ORIGINS: readonly ProposalOrigin[] = [
  "received",
  "preliminaryAssessment.planning",
  "preliminaryAssessment.invited",
  "preliminaryAssessment.conversationHeld",
];

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseCommand,
    input: {} as CaseOpenedEvent,
  },
  guards: {
    allowed: ({ context, event }, params: { from: StateName }) =>
      refusal(params.from, context, event) === null,
    // The routing guards below include `allowed` for their state, so that a branch
    // is never taken for an event that `decide` would refuse.
    allowedUrgent: ({ context, event }) =>
      event.type === "PROTECTION_ASSESSED" &&
      event.needsProtection === true &&
      refusal("received", context, event) === null,
    allowedApproval: (
      { context, event },
      params: { outcome: DecisionOutcome; withSupport?: boolean },
    ) =>
      refusal("awaitingApproval", context, event) === null &&
      context.proposal?.outcome === params.outcome &&
      (params.withSupport === undefined ||
        context.proposal.support.length > 0 === params.withSupport),
    allowedReturn: ({ context, event }, params: { origin: ProposalOrigin }) =>
      refusal("awaitingApproval", context, event) === null &&
      context.proposal?.proposedFrom === params.origin,
    allowedConclusionWithSupport: ({ context, event }) =>
      event.type === "INVESTIGATION_CONCLUDED" &&
      event.outcome === "support" &&
      refusal("investigation", context, event) === null,
  },
  actions: {
    // ── effects (returned to the server, never run here) ──
    sendLetter: (_args, _params: { letter: LetterKind }) => {},
    sendFeedback: (_args, _params: { outcome: FeedbackOutcome; reportIds: string[] }) => {},

    // ── context updates ──
    recordProtection: assign(({ context, event }) => {
      assertEvent(event, "PROTECTION_ASSESSED");
      return {
        protection: {
          needsProtection: event.needsProtection,
          assessment: event.assessment,
          at: event.at,
          by: event.actor,
        },
        deadlines: {
          ...context.deadlines,
          protectionAssessment: { ...context.deadlines.protectionAssessment, metAt: event.at },
        },
      };
    }),
    markUrgent: assign(({ context }) => ({ flags: { ...context.flags, urgent: true } })),
    meetDecisionDeadline: assign(({ context, event }) => ({
      deadlines: {
        ...context.deadlines,
        decision: { ...context.deadlines.decision, metAt: event.at },
      },
    })),
    openInvestigation: assign(({ context, event }) => {
      const due = investigationDue(event.at);
      return {
        deadlines: {
          ...context.deadlines,
          investigation: { due, originalDue: due, extensions: [], openedAt: event.at, concludedAt: null },
        },
        // In a violence case the caseworker decides when and how the guardians are told.
        investigationNotice: context.flags.violence ? null : { sentAt: event.at, by: event.actor },
      };
    }),
    setAssignee: assign(({ event }) => {
      assertEvent(event, "ASSIGNED");
      return { assignee: { id: event.assignee.id, name: event.assignee.name } };
    }),
    addReport: assign(({ context, event }) => {
      assertEvent(event, "REPORT_ADDED");
      const report = copyReport(event.report);
      const reports = [...context.reports, report].sort((a, b) =>
        Date.parse(a.receivedAt) - Date.parse(b.receivedAt),
      );
      return {
        reports,
        flags: {
          ...context.flags,
          violence: context.flags.violence || report.violence,
          protectedIdentity: context.flags.protectedIdentity || report.protectedIdentity,
        },
      };
    }),
    acceptSupplement: assign(() => ({})),
    addNote: assign(({ context, event }) => {
      assertEvent(event, "NOTE_ADDED");
      return { notes: [...context.notes, { text: event.text, at: event.at, by: event.actor }] };
    }),
    extendDeadline: assign(({ context, event }) => {
      assertEvent(event, "DEADLINE_EXTENDED");
      const extension = { until: event.until, reason: event.reason, at: event.at, by: event.actor };
      const { decision, investigation } = context.deadlines;
      if (event.deadline === "decision") {
        return {
          deadlines: {
            ...context.deadlines,
            decision: { ...decision, due: event.until, extensions: [...decision.extensions, extension] },
          },
        };
      }
      if (!investigation) return {};
      return {
        deadlines: {
          ...context.deadlines,
          investigation: {
            ...investigation,
            due: event.until,
            extensions: [...investigation.extensions, extension],
          },
        },
      };
    }),
    recordInvitation: assign(({ event }) => {
      assertEvent(event, "INVITATION_SENT");
      return {
        invitation: {
          date: event.date,
          time: event.time,
          place: event.place,
          invitees: [...event.invitees],
          sentAt: event.at,
          sentBy: event.actor,
        },
      };
    }),
    recordConversation: assign(({ event }) => {
      assertEvent(event, "CONVERSATION_HELD");
      return {
        conversation: {
          participants: [...event.participants],
          notes: event.notes,
          heldAt: event.at,
          recordedBy: event.actor,
        },
      };
    }),
    recordNoShow: assign(({ context }) => ({ noShows: context.noShows + 1, invitation: null })),
    recordProposal: assign(({ event }, params: { from: ProposalOrigin }) => {
      assertEvent(event, "DECISION_PROPOSED");
      return {
        proposal: {
          outcome: event.outcome,
          reasoning: event.reasoning,
          support: event.outcome === "noInvestigation" ? unique(event.support) : [],
          childNotHeardReason: optional(event.childNotHeardReason),
          transferTo: event.outcome === "transfer" ? optional(event.transferTo) : null,
          proposedBy: event.actor,
          proposedAt: event.at,
          proposedFrom: params.from,
        },
      };
    }),
    returnProposal: assign(({ context, event }) => {
      assertEvent(event, "DECISION_RETURNED");
      if (!context.proposal) return {};
      return {
        proposal: null,
        returnComment: { comment: event.comment, at: event.at, by: event.actor, proposal: context.proposal },
      };
    }),
    approveProposal: assign(({ context, event }) => {
      if (!context.proposal) return {};
      return {
        proposal: null,
        decision: { ...context.proposal, approvedBy: event.actor, at: event.at },
      };
    }),
    offerSupport: assign(({ context }, params: { from: "decision" | "conclusion" }) => ({
      supportOffered: [
        ...((params.from === "decision" ? context.decision?.support : context.conclusion?.support) ?? []),
      ],
    })),
    recordSupportAnswer: assign(({ event }) => {
      assertEvent(event, ["SUPPORT_ACCEPTED", "SUPPORT_DECLINED"]);
      return {
        supportAnswer: {
          answer: event.type === "SUPPORT_ACCEPTED" ? ("accepted" as const) : ("declined" as const),
          note: optional(event.note),
          at: event.at,
          by: event.actor,
        },
      };
    }),
    recordNotice: assign(({ event }) => ({ investigationNotice: { sentAt: event.at, by: event.actor } })),
    concludeInvestigation: assign(({ context, event }) => {
      assertEvent(event, "INVESTIGATION_CONCLUDED");
      const investigation = context.deadlines.investigation;
      return {
        conclusion: {
          outcome: event.outcome,
          support: event.outcome === "support" ? unique(event.support) : [],
          summary: event.summary,
          at: event.at,
          by: event.actor,
        },
        deadlines: {
          ...context.deadlines,
          investigation: investigation ? { ...investigation, concludedAt: event.at } : null,
        },
      };
    }),
    close: assign(({ event }, params: { outcome: CaseOutcome }) => ({
      closedAt: event.at,
      outcome: params.outcome,
    })),
    closeAfterSupportAnswer: assign(({ event }) => ({
      closedAt: event.at,
      outcome: (event.type === "SUPPORT_ACCEPTED" ? "supportAccepted" : "supportDeclined") as CaseOutcome,
    })),
  },
}).createMachine({
  id: "case",
  context: ({ input }) => initialContext(input),
  initial: "received",
  states: {
    received: {
      on: {
        PROTECTION_ASSESSED: [
          {
            guard: "allowedUrgent",
            target: "investigation",
            actions: [
              "recordProtection",
              "markUrgent",
              "meetDecisionDeadline",
              "openInvestigation",
              enqueueActions(({ context, enqueue }) => {
                for (const effect of investigationOpenedEffects(context)) enqueue(effect);
                for (const effect of feedbackEffects(context, "openInvestigation")) enqueue(effect);
              }),
            ],
          },
          {
            guard: { type: "allowed", params: { from: "received" } },
            target: "preliminaryAssessment",
            actions: "recordProtection",
          },
        ],
        // Violence-flagged cases only (the guard says so): straight to a decision to investigate.
        DECISION_PROPOSED: {
          guard: { type: "allowed", params: { from: "received" } },
          target: "awaitingApproval",
          actions: { type: "recordProposal", params: { from: "received" } },
        },
        ...inEveryOpenState("received"),
      },
    },

    // Förhandsbedömning
    preliminaryAssessment: {
      initial: "planning",
      states: {
        planning: {
          on: {
            INVITATION_SENT: {
              guard: { type: "allowed", params: { from: "preliminaryAssessment.planning" } },
              target: "invited",
              actions: ["recordInvitation", { type: "sendLetter", params: { letter: "invitation" } }],
            },
            DECISION_PROPOSED: {
              guard: { type: "allowed", params: { from: "preliminaryAssessment.planning" } },
              target: "#case.awaitingApproval",
              actions: { type: "recordProposal", params: { from: "preliminaryAssessment.planning" } },
            },
            ...inEveryOpenState("preliminaryAssessment.planning"),
          },
        },
        invited: {
          on: {
            CONVERSATION_HELD: {
              guard: { type: "allowed", params: { from: "preliminaryAssessment.invited" } },
              target: "conversationHeld",
              actions: "recordConversation",
            },
            NO_SHOW: {
              guard: { type: "allowed", params: { from: "preliminaryAssessment.invited" } },
              target: "planning",
              actions: "recordNoShow",
            },
            DECISION_PROPOSED: {
              guard: { type: "allowed", params: { from: "preliminaryAssessment.invited" } },
              target: "#case.awaitingApproval",
              actions: { type: "recordProposal", params: { from: "preliminaryAssessment.invited" } },
            },
            ...inEveryOpenState("preliminaryAssessment.invited"),
          },
        },
        conversationHeld: {
          on: {
            DECISION_PROPOSED: {
              guard: { type: "allowed", params: { from: "preliminaryAssessment.conversationHeld" } },
              target: "#case.awaitingApproval",
              actions: {
                type: "recordProposal",
                params: { from: "preliminaryAssessment.conversationHeld" },
              },
            },
            ...inEveryOpenState("preliminaryAssessment.conversationHeld"),
          },
        },
      },
    },

    awaitingApproval: {
      on: {
        DECISION_APPROVED: [
          {
            guard: { type: "allowedApproval", params: { outcome: "noInvestigation", withSupport: true } },
            target: "supportOffered",
            actions: [
              "approveProposal",
              "meetDecisionDeadline",
              { type: "offerSupport", params: { from: "decision" } },
              { type: "sendLetter", params: { letter: "decision" } },
              enqueueActions(({ context, enqueue }) => {
                for (const effect of feedbackEffects(context, "noInvestigation")) enqueue(effect);
              }),
            ],
          },
          {
            guard: { type: "allowedApproval", params: { outcome: "noInvestigation", withSupport: false } },
            target: "closed",
            actions: [
              "approveProposal",
              "meetDecisionDeadline",
              { type: "close", params: { outcome: "noInvestigation" } },
              { type: "sendLetter", params: { letter: "decision" } },
              enqueueActions(({ context, enqueue }) => {
                for (const effect of feedbackEffects(context, "noInvestigation")) enqueue(effect);
              }),
            ],
          },
          {
            guard: { type: "allowedApproval", params: { outcome: "openInvestigation" } },
            target: "investigation",
            actions: [
              "approveProposal",
              "meetDecisionDeadline",
              "openInvestigation",
              enqueueActions(({ context, enqueue }) => {
                for (const effect of investigationOpenedEffects(context)) enqueue(effect);
                for (const effect of feedbackEffects(context, "openInvestigation")) enqueue(effect);
              }),
            ],
          },
          {
            guard: { type: "allowedApproval", params: { outcome: "alreadyInvestigated" } },
            target: "closed",
            actions: [
              "approveProposal",
              "meetDecisionDeadline",
              { type: "close", params: { outcome: "alreadyInvestigated" } },
              enqueueActions(({ context, enqueue }) => {
                for (const effect of feedbackEffects(context, "alreadyInvestigated")) enqueue(effect);
              }),
            ],
          },
          {
            guard: { type: "allowedApproval", params: { outcome: "transfer" } },
            target: "closed",
            actions: [
              "approveProposal",
              "meetDecisionDeadline",
              { type: "close", params: { outcome: "transferred" } },
            ],
          },
        ],
        // Back to exactly where the proposal was made.
        DECISION_RETURNED: ORIGINS.map((origin) => ({
          guard: { type: "allowedReturn", params: { origin } },
          target: `#case.${origin}`,
          actions: "returnProposal",
        })),
        ...inEveryOpenState("awaitingApproval"),
      },
    },

    // Utredning
    investigation: {
      on: {
        INVESTIGATION_NOTICE_SENT: {
          guard: { type: "allowed", params: { from: "investigation" } },
          actions: ["recordNotice", { type: "sendLetter", params: { letter: "investigationNotice" } }],
        },
        INVESTIGATION_CONCLUDED: [
          {
            guard: "allowedConclusionWithSupport",
            target: "supportOffered",
            actions: [
              "concludeInvestigation",
              { type: "offerSupport", params: { from: "conclusion" } },
            ],
          },
          {
            guard: { type: "allowed", params: { from: "investigation" } },
            target: "closed",
            actions: ["concludeInvestigation", { type: "close", params: { outcome: "investigationConcluded" } }],
          },
        ],
        ...inEveryOpenState("investigation"),
      },
    },

    // Frivilliga insatser erbjudna: the guardians answer.
    supportOffered: {
      on: {
        SUPPORT_ACCEPTED: {
          guard: { type: "allowed", params: { from: "supportOffered" } },
          target: "closed",
          actions: ["recordSupportAnswer", "closeAfterSupportAnswer"],
        },
        SUPPORT_DECLINED: {
          guard: { type: "allowed", params: { from: "supportOffered" } },
          target: "closed",
          actions: ["recordSupportAnswer", "closeAfterSupportAnswer"],
        },
        ...inEveryOpenState("supportOffered"),
      },
    },

    // Avslutat: accepts nothing. A new report about the child opens a new case.
    closed: { type: "final" },
  },
});
