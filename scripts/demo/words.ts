// Built-in word lists the demo combines into people, companies and activity. Invented names;
// domains use the reserved .test TLD so no demo email can reach a real inbox.
import type { Stage } from "../../src/domain/schema";

// prettier-ignore
export const FIRST_NAMES = [
  "Maria", "James", "Aisha", "Wei", "Sofia", "Liam", "Priya", "Noah", "Elena", "Mateo",
  "Yuki", "Olivia", "Kwame", "Hannah", "Diego", "Fatima", "Lucas", "Chloe", "Omar", "Grace",
  "Ivan", "Amara", "Ethan", "Leila", "Tomás", "Nina", "Samuel", "Zara", "Arjun", "Emma",
  "Kenji", "Isabel", "Daniel", "Mei", "Felix", "Ruth", "Hugo", "Sana", "Oscar", "Lena",
] as const;

// prettier-ignore
export const LAST_NAMES = [
  "Garcia", "Smith", "Okafor", "Chen", "Rossi", "Murphy", "Patel", "Johnson", "Novak", "Silva",
  "Tanaka", "Brown", "Mensah", "Müller", "Hernandez", "Khan", "Martin", "Dubois", "Haddad",
  "Kim", "Petrov", "Nwosu", "Walker", "Rahimi", "López", "Berg", "Cohen", "Ali", "Sharma",
  "Wilson", "Sato", "Fernandes", "Clark", "Zhang", "Weber", "Olsen", "Moreau", "Hussain",
  "Larsen", "Fischer",
] as const;

// prettier-ignore
export const COMPANY_FIRST = [
  "Northwind", "Bluebird", "Granite", "Harbor", "Summit", "Copper", "Evergreen", "Lantern",
  "Meridian", "Pioneer", "Riverstone", "Silverline", "Oakridge", "Brightwater", "Ironwood",
  "Cobalt", "Juniper", "Keystone", "Maple", "Nimbus", "Orchard", "Polaris", "Quarry", "Redwood",
  "Sparrow", "Tidal", "Vantage", "Willow", "Zenith", "Alder",
] as const;

// prettier-ignore
export const COMPANY_SECOND = [
  "Logistics", "Analytics", "Dental", "Builders", "Foods", "Labs", "Legal", "Media", "Health",
  "Robotics", "Studio", "Partners", "Energy", "Outfitters", "Software", "Hotels", "Clinics",
  "Freight", "Design", "Capital",
] as const;

// prettier-ignore
export const TOPICS = [
  "website redesign", "CRM migration", "annual support contract", "Q3 onboarding",
  "warehouse automation", "team training", "data warehouse", "new office fit-out",
  "payroll integration", "mobile app", "security audit", "marketing retainer",
  "cloud cost review", "customer portal", "fleet tracking", "inventory forecasting",
] as const;

export const NEXT_STEPS: Readonly<Record<Stage, readonly string[]>> = {
  "New Lead": ["Intro call", "Send intro email", "Research the company first"],
  Qualified: ["Book a discovery meeting", "Send case study", "Confirm budget owner"],
  "Meeting Completed": ["Send recap and pricing", "Draft proposal", "Loop in their IT lead"],
  "Proposal Sent": [
    "Check they got the proposal",
    "Walk through the proposal",
    "Answer pricing questions",
  ],
  Negotiation: ["Send revised quote", "Agree contract terms", "Get legal sign-off"],
  Won: ["Kick-off call", "Introduce the onboarding team"],
  Lost: ["Ask for feedback"],
  Nurture: ["Share the quarterly update", "Check in next quarter"],
};

export const TOUCH_NOTES = [
  "Asked about pricing tiers",
  "Wants to see a demo with their manager",
  "Busy until end of month",
  "Interested, comparing two vendors",
  "Left a message with the front desk",
  "Shared the case study",
  "They asked for references",
  "Budget approved for next quarter",
  "Sent calendar link",
  "Good call, clear next steps",
] as const;

export const LOST_REASONS = [
  "Went with a competitor",
  "No budget this year",
  "Project cancelled",
  "Chose to build in-house",
] as const;

/** Names of the default templates (src/domain/defaults/templates.ts), as past emails cite them. */
export const TEMPLATE_NAMES = [
  "Introduction",
  "No response #1",
  "No response #2 (new angle)",
  "Value add",
  "Social proof",
  "Proposal check-in",
  "Re-engagement",
] as const;
