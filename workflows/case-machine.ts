/**
 * The case statechart (ärendets flöde). Pure: no clock, no timers, no I/O. Every
 * event carries its own time (`at`); deadlines are stored in the context as dates.
 *
 * received ─PROTECTION_ASSESSED(no)─▶ preliminaryAssessment { planning ⇄ invited ▶ conversationHeld }
 * received ─PROTECTION_ASSESSED(yes)─▶ investigation (urgent)
 * preliminaryAssessment.* ─DECISION_PROPOSED─▶ awaitingApproval (never without a protection assessment)
 * awaitingApproval ─DECISION_APPROVED─▶ supportOffered | closed | investigation
 * awaitingApproval ─DECISION_RETURNED─▶ the exact state the proposal came from
 * investigation ─INVESTIGATION_CONCLUDED─▶ supportOffered | closed
 * supportOffered ─SUPPORT_ACCEPTED | SUPPORT_DECLINED─▶ closed (final)
 * supportOffered ─REPORT_ADDED─▶ preliminaryAssessment (a new report is assessed anew)
 * any state, closed too ─FEEDBACK_SENT─▶ itself (a feedback the decision withheld is sent)
 * any open state ─PROTECTION_ASSESSED(yes) of a later report─▶ investigation (urgent)
 * received ─CASE_MERGED─▶ closed (a confirmed possible match: the report joins the earlier case)
 * any open state ─CHILD_LINKED─▶ itself (a confirmed possible match with a closed case: same child)
 *
 * Every transition is guarded by `allowed`, which calls the same `refusal` that
 * `decide` uses to explain a refusal. Effects are the `sendLetter` and
 * `sendFeedback` actions (see `Effect` in types.ts); they are returned by
 * `transition()` and never executed here. The context changes live in case-context.ts.
 */
import { assertEvent, assign, enqueueActions, setup } from "xstate";
import {
  approvalFeedback,
  coverReports,
  feedbackEffects,
  initialContext,
  investigationOpenedEffects,
  optional,
  unique,
  withFact,
  withInvestigationOpened,
  withProtection,
  withReport,
} from "./case-context";
import { refusal } from "./rules";
import {
  FACT_COMMANDS,
  type CaseCommand,
  type CaseOpenedEvent,
  type CaseOutcome,
  type DecisionOutcome,
  type FeedbackOutcome,
  type LetterKind,
  type ProposalOrigin,
  type StateName,
} from "./types";

export { initialContext } from "./case-context";

/** Bump when states or context change shape; stored with every snapshot. */
export const CASE_MACHINE_VERSION = 4;

/** Taken in every open state, staying there: assignment, notes, extensions, the case's facts. */
function inEveryOpenState<From extends StateName>(from: From) {
  const guard = { type: "allowed", params: { from } } as const;
  const facts = Object.fromEntries(FACT_COMMANDS.map((type) => [type, { guard, actions: "changeFact" }])) as Record<
    (typeof FACT_COMMANDS)[number],
    { guard: typeof guard; actions: "changeFact" }
  >;
  return {
    ASSIGNED: { guard, actions: "setAssignee" },
    REPORT_ADDED: { guard, actions: "addReport" },
    NOTE_ADDED: { guard, actions: "addNote" },
    DEADLINE_EXTENDED: { guard, actions: "extendDecisionDeadline" },
    ...facts,
    // The text is the event's own (and the hash chain's); the context keeps nothing of it.
    REPORT_SUPPLEMENTED: { guard, actions: "keepContext" },
    FEEDBACK_SENT: { guard, actions: "sendWithheldFeedback" },
    // Recorded in the history (who, why); the possible-matches table keeps the pair apart.
    MATCH_REJECTED: { guard, actions: "keepContext" },
    // The event names the child record the case now points at (cases.child_id, checked by
    // audit:verify); nothing the workflow decides on changes.
    CHILD_LINKED: { guard, actions: "keepContext" },
  } as const;
}

/** A later report's protection assessment: urgent → an investigation at once; otherwise stay. */
function laterAssessment<From extends StateName>(from: From) {
  return {
    PROTECTION_ASSESSED: [
      { guard: { type: "allowedUrgent", params: { from } }, target: "#case.investigation", actions: "openUrgently" },
      { guard: { type: "allowed", params: { from } }, actions: "recordProtection" },
    ],
  } as const;
}

const ORIGINS: readonly ProposalOrigin[] = [
  "preliminaryAssessment.planning",
  "preliminaryAssessment.invited",
  "preliminaryAssessment.conversationHeld",
];

function proposalFrom(from: ProposalOrigin) {
  return {
    DECISION_PROPOSED: {
      guard: { type: "allowed", params: { from } },
      target: "#case.awaitingApproval",
      actions: { type: "recordProposal", params: { from } },
    },
  } as const;
}

export const caseMachine = setup({
  types: {
    context: {} as ReturnType<typeof initialContext>,
    events: {} as CaseCommand,
    input: {} as CaseOpenedEvent,
  },
  guards: {
    allowed: ({ context, event }, params: { from: StateName }) => refusal(params.from, context, event) === null,
    // The routing guards below include `allowed` for their state, so that a branch
    // is never taken for an event that `decide` would refuse.
    allowedUrgent: ({ context, event }, params: { from: StateName }) =>
      event.type === "PROTECTION_ASSESSED" &&
      event.needsProtection === true &&
      refusal(params.from, context, event) === null,
    allowedApproval: ({ context, event }, params: { outcome: DecisionOutcome; withSupport?: boolean }) =>
      refusal("awaitingApproval", context, event) === null &&
      context.proposal?.outcome === params.outcome &&
      (params.withSupport === undefined || context.proposal.support.length > 0 === params.withSupport),
    allowedReturn: ({ context, event }, params: { origin: ProposalOrigin }) =>
      refusal("awaitingApproval", context, event) === null && context.proposal?.proposedFrom === params.origin,
    allowedConclusionWithSupport: ({ context, event }) =>
      event.type === "INVESTIGATION_CONCLUDED" &&
      event.outcome === "support" &&
      refusal("investigation", context, event) === null,
  },
  actions: {
    // ── effects (returned to the server, never run here) ──
    sendLetter: (_args, _params: { letter: LetterKind }) => {},
    sendFeedback: (_args, _params: { outcome: FeedbackOutcome; reportIds: string[]; decidedAt?: string }) => {},

    // ── context updates ──
    recordProtection: assign(({ context, event }) => {
      assertEvent(event, "PROTECTION_ASSESSED");
      return withProtection(context, event);
    }),
    /** A report needing protection: an investigation is opened at once, whatever was under way. */
    // The effects are the machine's own named actions; `as never` because setup() cannot
    // type an action that names its siblings.
    openUrgently: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, "PROTECTION_ASSESSED");
      const assessed = { ...context, ...withProtection(context, event) };
      for (const effect of feedbackEffects(assessed, "openInvestigation")) enqueue(effect as never);
      const opened = { ...assessed, ...coverReports(assessed, event.at) };
      enqueue.assign({
        ...withProtection(context, event),
        ...coverReports(assessed, event.at),
        ...withInvestigationOpened(opened, event.at, event.actor),
        flags: { ...context.flags, urgent: true },
        // A proposal waiting for approval is overtaken by the investigation.
        proposal: null,
      });
      for (const effect of investigationOpenedEffects(context)) enqueue(effect as never);
    }),
    /** During an investigation a new report is taken into it: "utredning pågår redan". */
    recordProtectionInInvestigation: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, "PROTECTION_ASSESSED");
      const report = context.reports.find((r) => r.id === event.reportId);
      if (report?.mandatedReporter && !report.decidedAt) {
        enqueue({ type: "sendFeedback", params: { outcome: "alreadyUnderway", reportIds: [report.id] } } as never);
      }
      const assessed = { ...context, ...withProtection(context, event) };
      enqueue.assign({
        ...withProtection(context, event),
        reports: assessed.reports.map((r) => (r.id === event.reportId ? { ...r, decidedAt: event.at } : r)),
      });
    }),
    meetDecisionDeadline: assign(({ context, event }) => ({
      deadlines: { ...context.deadlines, decision: { ...context.deadlines.decision, metAt: event.at } },
    })),
    coverReports: assign(({ context, event }) => coverReports(context, event.at)),
    openInvestigation: assign(({ context, event }) => withInvestigationOpened(context, event.at, event.actor)),
    setAssignee: assign(({ event }) => {
      assertEvent(event, "ASSIGNED");
      return { assignee: { id: event.assignee.id, name: event.assignee.name } };
    }),
    addReport: assign(({ context, event }) => {
      assertEvent(event, "REPORT_ADDED");
      return withReport(context, event.report);
    }),
    /** Nothing in the context: the event itself is the record (REPORT_SUPPLEMENTED, MATCH_REJECTED, CHILD_LINKED). */
    keepContext: assign(() => ({})),
    /** A withheld återkoppling goes now, answering the decision it was withheld from. */
    sendWithheldFeedback: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, "FEEDBACK_SENT");
      const withheld = context.feedbackWithheld.find((w) => w.reportId === event.reportId && w.sentAt === null);
      if (!withheld) return;
      enqueue({
        type: "sendFeedback",
        params: { outcome: withheld.outcome, reportIds: [withheld.reportId], decidedAt: withheld.decidedAt },
      } as never);
      enqueue.assign({
        feedbackWithheld: context.feedbackWithheld.map((w) => (w === withheld ? { ...w, sentAt: event.at } : w)),
      });
    }),
    /** Back from support offered: a new preliminary assessment, the earlier one kept in the history. */
    restartAssessment: assign(() => ({ invitation: null, conversation: null, supportOffered: [] })),
    changeFact: assign(({ context, event }) => withFact(context, event)),
    addNote: assign(({ context, event }) => {
      assertEvent(event, "NOTE_ADDED");
      return { notes: [...context.notes, { text: event.text, at: event.at, by: event.actor }] };
    }),
    extendDecisionDeadline: assign(({ context, event }) => {
      assertEvent(event, "DEADLINE_EXTENDED");
      const { decision } = context.deadlines;
      const extension = { until: event.until, reason: event.reason, at: event.at, by: event.actor, approvedBy: null };
      return {
        deadlines: {
          ...context.deadlines,
          decision: { ...decision, due: event.until, extensions: [...decision.extensions, extension] },
        },
      };
    }),
    proposeExtension: assign(({ event }) => {
      assertEvent(event, "INVESTIGATION_EXTENSION_PROPOSED");
      return { extensionProposal: { until: event.until, reason: event.reason, at: event.at, by: event.actor } };
    }),
    approveExtension: assign(({ context, event }) => {
      const investigation = context.deadlines.investigation;
      const proposal = context.extensionProposal;
      if (!investigation || !proposal) return {};
      const extension = { ...proposal, approvedBy: event.actor };
      return {
        extensionProposal: null,
        deadlines: {
          ...context.deadlines,
          investigation: {
            ...investigation,
            due: proposal.until,
            extensions: [...investigation.extensions, { ...extension, at: event.at }],
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
          feedbackWithheldReason: optional(event.feedbackWithheldReason),
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
    /** Feedback for the reports this decision answers, then the decision itself. */
    approveProposal: enqueueActions(({ context, event, enqueue }) => {
      const proposal = context.proposal;
      if (!proposal) return;
      const feedback = approvalFeedback(context, proposal.outcome, proposal.feedbackWithheldReason, event.at, proposal.proposedBy);
      for (const effect of feedback.effects) enqueue(effect as never);
      enqueue.assign({
        ...coverReports(context, event.at),
        feedbackWithheld: feedback.withheld,
        proposal: null,
        decision: { ...proposal, approvedBy: event.actor, at: event.at },
        deadlines: { ...context.deadlines, decision: { ...context.deadlines.decision, metAt: event.at } },
      });
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
          childAnswer: event.childAnswer ?? null,
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
        extensionProposal: null,
        deadlines: {
          ...context.deadlines,
          investigation: investigation ? { ...investigation, concludedAt: event.at } : null,
        },
      };
    }),
    close: assign(({ event }, params: { outcome: CaseOutcome }) => ({ closedAt: event.at, outcome: params.outcome })),
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
            guard: { type: "allowedUrgent", params: { from: "received" } },
            target: "investigation",
            actions: "openUrgently",
          },
          {
            guard: { type: "allowed", params: { from: "received" } },
            target: "preliminaryAssessment",
            actions: "recordProtection",
          },
        ],
        // A confirmed possible match, before anything was done here: the report moves to the
        // child's earlier case (REPORT_ADDED there), and this case ends.
        CASE_MERGED: {
          guard: { type: "allowed", params: { from: "received" } },
          target: "closed",
          actions: { type: "close", params: { outcome: "merged" } },
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
            ...proposalFrom("preliminaryAssessment.planning"),
            ...laterAssessment("preliminaryAssessment.planning"),
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
            ...proposalFrom("preliminaryAssessment.invited"),
            ...laterAssessment("preliminaryAssessment.invited"),
            ...inEveryOpenState("preliminaryAssessment.invited"),
          },
        },
        conversationHeld: {
          on: {
            ...proposalFrom("preliminaryAssessment.conversationHeld"),
            ...laterAssessment("preliminaryAssessment.conversationHeld"),
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
              { type: "offerSupport", params: { from: "decision" } },
              { type: "sendLetter", params: { letter: "decision" } },
            ],
          },
          {
            guard: { type: "allowedApproval", params: { outcome: "noInvestigation", withSupport: false } },
            target: "closed",
            actions: [
              "approveProposal",
              { type: "close", params: { outcome: "noInvestigation" } },
              { type: "sendLetter", params: { letter: "decision" } },
            ],
          },
          {
            guard: { type: "allowedApproval", params: { outcome: "openInvestigation" } },
            target: "investigation",
            actions: [
              "approveProposal",
              "openInvestigation",
              enqueueActions(({ context, enqueue }) => {
                for (const effect of investigationOpenedEffects(context)) enqueue(effect);
              }),
            ],
          },
          {
            guard: { type: "allowedApproval", params: { outcome: "alreadyInvestigated" } },
            target: "closed",
            actions: ["approveProposal", { type: "close", params: { outcome: "alreadyInvestigated" } }],
          },
          {
            guard: { type: "allowedApproval", params: { outcome: "transfer" } },
            target: "closed",
            actions: ["approveProposal", { type: "close", params: { outcome: "transferred" } }],
          },
        ],
        // Back to exactly where the proposal was made.
        DECISION_RETURNED: ORIGINS.map((origin) => ({
          guard: { type: "allowedReturn", params: { origin } },
          target: `#case.${origin}`,
          actions: "returnProposal",
        })),
        ...laterAssessment("awaitingApproval"),
        ...inEveryOpenState("awaitingApproval"),
      },
    },

    // Utredning
    investigation: {
      on: {
        PROTECTION_ASSESSED: {
          guard: { type: "allowed", params: { from: "investigation" } },
          actions: "recordProtectionInInvestigation",
        },
        INVESTIGATION_NOTICE_SENT: {
          guard: { type: "allowed", params: { from: "investigation" } },
          actions: ["recordNotice", { type: "sendLetter", params: { letter: "investigationNotice" } }],
        },
        INVESTIGATION_EXTENSION_PROPOSED: {
          guard: { type: "allowed", params: { from: "investigation" } },
          actions: "proposeExtension",
        },
        INVESTIGATION_EXTENSION_APPROVED: {
          guard: { type: "allowed", params: { from: "investigation" } },
          actions: "approveExtension",
        },
        INVESTIGATION_CONCLUDED: [
          {
            guard: "allowedConclusionWithSupport",
            target: "supportOffered",
            actions: ["concludeInvestigation", { type: "offerSupport", params: { from: "conclusion" } }],
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

    // Frivilliga insatser erbjudna: the guardians (and a child from 15) answer.
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
        ...laterAssessment("supportOffered"),
        ...inEveryOpenState("supportOffered"),
        // A new report is not closed away with the answer: it gets a preliminary assessment of its own.
        REPORT_ADDED: {
          guard: { type: "allowed", params: { from: "supportOffered" } },
          target: "#case.preliminaryAssessment",
          actions: ["addReport", "restartAssessment"],
        },
      },
    },

    // Avslutat: accepts nothing but sending a feedback the decision withheld (återkoppling is
    // owed after the decision, however the case ended). A new report opens a new case.
    closed: {
      on: {
        FEEDBACK_SENT: { guard: { type: "allowed", params: { from: "closed" } }, actions: "sendWithheldFeedback" },
      },
    },
  },
});
