// Default rows for the Cadences tab (DESIGN §1): stage rules, then tier rules, then Any; every
// step starts with Auto Send unchecked (automation is opted into step by step).
import { CADENCE, type Channel } from "../schema";
import { TEMPLATE_NAMES as T } from "./templates";
import { type Cell } from "../cells";

export type CadenceRow = Readonly<Record<(typeof CADENCE)[keyof typeof CADENCE], Cell>>;

/** One step: its day offset from Cadence Start, and either an email template or a note saying what to do. */
interface StepPlan {
  readonly day: number;
  readonly channel: Channel;
  readonly template?: string;
  readonly note?: string;
}

interface DefaultCadence {
  readonly name: string;
  readonly appliesTo: string;
  readonly steps: readonly StepPlan[];
  /** Repeat Every (days) on the last step. */
  readonly repeatEvery?: number;
}

const email = (day: number, template: string, note = ""): StepPlan => ({
  day,
  channel: "Email",
  template,
  note,
});
const call = (day: number, note: string): StepPlan => ({ day, channel: "Call", note });
const linkedIn = (day: number, note: string): StepPlan => ({ day, channel: "LinkedIn", note });

export const DEFAULT_CADENCES: readonly DefaultCadence[] = [
  {
    name: "Proposal follow-up",
    appliesTo: "Stage: Proposal Sent",
    steps: [
      email(3, T.proposalCheckIn),
      call(7, "Call to walk through the proposal and ask what is holding the decision."),
      email(14, T.valueAdd),
      email(21, T.permissionToClose),
    ],
  },
  {
    name: "Meeting follow-up",
    appliesTo: "Stage: Meeting Completed",
    steps: [
      email(1, T.postMeetingRecap),
      email(3, T.valueAdd),
      call(7, "Call to confirm the agreed next step and book it."),
    ],
  },
  {
    name: "Negotiation",
    appliesTo: "Stage: Negotiation",
    steps: [call(2, "Call about the open points; log what is still blocking the signature.")],
    repeatEvery: 2,
  },
  {
    name: "Onboarding check-in",
    appliesTo: "Stage: Won",
    steps: [
      email(7, T.onboardingCheckIn),
      call(30, "30-day check-in call: is it working, who else could use it?"),
    ],
  },
  {
    name: "Lost deal feedback",
    appliesTo: "Stage: Lost",
    steps: [email(1, T.feedbackRequest)],
  },
  {
    name: "Nurture",
    appliesTo: "Stage: Nurture",
    steps: [email(90, T.reEngagement)],
    repeatEvery: 90,
  },
  {
    name: "Hot lead",
    appliesTo: "Tier: Hot",
    steps: [
      call(0, "Call the same day; leave a voicemail if no answer."),
      email(1, T.noResponse1),
      call(2, "Second call attempt at a different time of day."),
      email(4, T.valueAdd),
      linkedIn(6, "Connect on LinkedIn with a one-line personal note."),
      email(9, T.noResponse2),
      email(13, T.socialProof),
      email(20, T.permissionToClose),
    ],
  },
  {
    name: "Warm lead",
    appliesTo: "Tier: Warm",
    steps: [
      email(0, T.introduction),
      call(3, "Call to follow up on the first email."),
      email(7, T.noResponse1),
      linkedIn(14, "Connect on LinkedIn and mention the earlier email."),
      email(21, T.valueAdd),
      call(29, "Call with a new reason to talk (news, a result, an event)."),
      email(37, T.noResponse2),
      email(44, T.socialProof),
      call(51, "Last call attempt; leave a short voicemail."),
      email(59, T.permissionToClose),
    ],
  },
  {
    name: "Cold lead",
    appliesTo: "Tier: Cold",
    steps: [
      email(0, T.introduction),
      email(6, T.noResponse1),
      linkedIn(16, "Connect on LinkedIn; no pitch."),
      email(27, T.valueAdd),
      call(41, "Short call to see whether the timing has changed."),
      email(55, T.noResponse2),
      email(69, T.socialProof),
      email(83, T.valueAdd, "Share something new, not the earlier tip."),
      call(97, "Quarterly check-in call."),
      email(111, T.reEngagement),
      email(119, T.permissionToClose),
    ],
  },
  {
    name: "Dead lead",
    appliesTo: "Tier: Dead",
    steps: [email(90, T.reEngagement)],
    repeatEvery: 90,
  },
  {
    name: "Standard outreach",
    appliesTo: "Any",
    steps: [
      email(0, T.introduction),
      call(2, "Call to follow up on the first email."),
      email(6, T.noResponse1),
      email(13, T.valueAdd),
      email(29, T.permissionToClose),
    ],
  },
];

function planRows(plan: DefaultCadence): CadenceRow[] {
  return plan.steps.map((step, index) => {
    const isLast = index === plan.steps.length - 1;
    return {
      [CADENCE.cadence]: plan.name,
      [CADENCE.appliesTo]: plan.appliesTo,
      [CADENCE.step]: index + 1,
      [CADENCE.day]: step.day,
      [CADENCE.channel]: step.channel,
      [CADENCE.template]: step.template ?? "",
      [CADENCE.autoSend]: false,
      [CADENCE.repeatEvery]: isLast && plan.repeatEvery !== undefined ? plan.repeatEvery : "",
      [CADENCE.note]: step.note ?? "",
    };
  });
}

/** One record per step, with every Cadences header, in rule order. */
export const DEFAULT_CADENCE_ROWS: readonly CadenceRow[] = DEFAULT_CADENCES.flatMap(planRows);
