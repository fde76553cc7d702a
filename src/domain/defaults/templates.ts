// Default rows for the Templates tab (DESIGN §1): short, plain-text emails in our own words.
// Merge tags follow the template engine's rules: {{Header}} or {{Header|fallback}}.
import { TEMPLATE } from "../schema";
import { type Cell } from "../cells";

export type TemplateRow = Readonly<Record<(typeof TEMPLATE)[keyof typeof TEMPLATE], Cell>>;

/** Template names the default cadences point at; kept in one place so they cannot drift. */
export const TEMPLATE_NAMES = {
  introduction: "Introduction",
  postMeetingRecap: "Post-meeting recap",
  noResponse1: "No response #1",
  noResponse2: "No response #2 (new angle)",
  valueAdd: "Value add",
  socialProof: "Social proof",
  proposalCheckIn: "Proposal check-in",
  reEngagement: "Re-engagement",
  permissionToClose: "Permission to close",
  onboardingCheckIn: "Onboarding check-in",
  feedbackRequest: "Feedback request",
  newOwnerIntroduction: "New owner introduction",
} as const;

const SIGN_OFF = "\n\n{{Sender Name}}\n{{Signature}}";

const template = (name: string, subject: string, body: string, notes: string): TemplateRow => ({
  [TEMPLATE.name]: name,
  [TEMPLATE.subject]: subject,
  [TEMPLATE.body]: body + SIGN_OFF,
  [TEMPLATE.channel]: "Email",
  [TEMPLATE.active]: true,
  [TEMPLATE.notes]: notes,
});

export const DEFAULT_TEMPLATES: readonly TemplateRow[] = [
  template(
    TEMPLATE_NAMES.introduction,
    "Quick question about {{Topic|your plans}}",
    "Hi {{First Name}},\n\n" +
      "I work with teams like {{Company|yours}} on {{Topic|getting more from their sales follow-up}}. " +
      "Would a 15-minute call next week be useful to see whether we can help?",
    "First touch of a cadence. Keep it short; one question.",
  ),
  template(
    TEMPLATE_NAMES.postMeetingRecap,
    "Recap: our conversation about {{Topic|next steps}}",
    "Hi {{First Name}},\n\n" +
      "Thanks for your time today. Here is what I took away:\n\n" +
      "- Where {{Company|your team}} is today with {{Topic|this project}}\n" +
      "- What we agreed to do next: {{Next Step|I'll send over the details we discussed}}\n\n" +
      "If I missed anything, just reply and I'll fix it.",
    "Send within a day of the meeting. Edit the bullets before sending.",
  ),
  template(
    TEMPLATE_NAMES.noResponse1,
    "Following up",
    "Hi {{First Name}},\n\n" +
      "I wanted to follow up on my last note about {{Topic|how we could help}}. " +
      "Is this still a priority for {{Company|your team}}, or should I check back later?",
    "First nudge after no reply.",
  ),
  template(
    TEMPLATE_NAMES.noResponse2,
    "A different way to look at {{Topic|this}}",
    "Hi {{First Name}},\n\n" +
      "I may have led with the wrong thing last time. Many teams we talk to care less about " +
      "{{Topic|the tool itself}} and more about the hours it gives back each week.\n\n" +
      "Would it help if I sent a two-minute summary of how that works for a team like " +
      "{{Company|yours}}?",
    "Second nudge: change the angle instead of repeating yourself.",
  ),
  template(
    TEMPLATE_NAMES.valueAdd,
    "Thought this might help with {{Topic|your project}}",
    "Hi {{First Name}},\n\n" +
      "I came across something I thought you might find useful for {{Topic|your project}}: " +
      "[add a link or a one-line tip here].\n\n" +
      "No need to reply; just passing it along.",
    "Share something useful with no ask. Replace the bracketed text before sending.",
  ),
  template(
    TEMPLATE_NAMES.socialProof,
    "How a team like {{Company|yours}} handled {{Topic|this}}",
    "Hi {{First Name}},\n\n" +
      "A customer with a similar setup to {{Company|yours}} was working on {{Topic|the same problem}}. " +
      "Within a couple of months they [add the result here].\n\n" +
      "Happy to share how they did it if that would be useful.",
    "A short customer story. Replace the bracketed text with a real result.",
  ),
  template(
    TEMPLATE_NAMES.proposalCheckIn,
    "Any questions on the proposal?",
    "Hi {{First Name}},\n\n" +
      "I wanted to check whether you had a chance to look at the proposal for " +
      "{{Topic|the project}}. Are there any questions I can answer, or anyone else at " +
      "{{Company|your team}} I should walk through it?",
    "A few days after sending a proposal.",
  ),
  template(
    TEMPLATE_NAMES.reEngagement,
    "Checking in",
    "Hi {{First Name}},\n\n" +
      "It has been a while since we last spoke about {{Topic|your plans}}. " +
      "Has anything changed at {{Company|your team}} since then? If the timing is better now, " +
      "I'd be glad to pick things up again.",
    "For quiet or nurture contacts, every few months.",
  ),
  template(
    TEMPLATE_NAMES.permissionToClose,
    "Should I close your file?",
    "Hi {{First Name}},\n\n" +
      "I haven't heard back, so I'm guessing {{Topic|this}} isn't a priority right now. " +
      "That's completely fine. Unless I hear otherwise, I'll stop following up and close my notes.\n\n" +
      "If things change, just reply to this email.",
    'The polite "breakup" email: the last step of a cadence.',
  ),
  template(
    TEMPLATE_NAMES.onboardingCheckIn,
    "How are things going?",
    "Hi {{First Name}},\n\n" +
      "Now that {{Company|your team}} has been up and running for a little while, how is it going? " +
      "If anything is unclear or not working the way you expected, reply and I'll sort it out.",
    "After a deal is won.",
  ),
  template(
    TEMPLATE_NAMES.feedbackRequest,
    "One quick question",
    "Hi {{First Name}},\n\n" +
      "Thanks again for considering us for {{Topic|your project}}. So we can get better, " +
      "would you share in a sentence or two what made the difference in your decision?",
    "The day after a deal is lost.",
  ),
  template(
    TEMPLATE_NAMES.newOwnerIntroduction,
    "Introducing {{Owner Name}}, your new contact",
    "Hi {{First Name}},\n\n" +
      "A quick note to introduce {{Owner Name}}, who is taking over {{Topic|our conversations}} " +
      "with {{Company|your team}} from here. {{Owner Name}} has the full picture, so nothing " +
      "needs repeating, and will be in touch shortly.\n\n" +
      "Thank you for the time we have spent together so far.",
    "Drafted by the sidebar's Reassign when asked: introduces the new owner to the contact.",
  ),
];
