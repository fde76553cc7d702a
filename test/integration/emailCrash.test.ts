// Fault injection on a sending run (DESIGN §4 "at most once, never silently lost"): for every
// service call N of an hourly run that sends 5 due emails, the run fails at N and runs again. No
// email goes twice; every due email ends Sent, or Unconfirmed with a Problem for a human; and a
// reply arriving between the crash and the next run stops that contact's cadence.
import { ALEX } from "./support";
import { emailBench, HOUR_MS, MONDAY_10, runHourly, touchesOf, contactRow } from "./emailSupport";

const CONTACTS = ["Ana", "Ben", "Cara", "Dev", "Eli"].map((name, i) => ({
  id: `C-00000${i + 1}`,
  name: `${name} Client`,
  email: `${name.toLowerCase()}@client.test`,
}));
const ANA = CONTACTS[0]!;

function freshBench() {
  return emailBench(CONTACTS);
}

/** Emails Alex sent to each contact. */
function sentCounts(bench: ReturnType<typeof freshBench>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of bench.wb.emu.gmail.sent(ALEX)) {
    if (mail.to === ALEX) continue;
    counts.set(mail.to, (counts.get(mail.to) ?? 0) + 1);
  }
  return counts;
}

describe("crash injection on a sending run", () => {
  const clean = runHourly(freshBench(), MONDAY_10);

  test("the clean run sends the 5 due emails, each one Gmail call", () => {
    expect(clean.error).toBeUndefined();
    expect(clean.callLog.filter((c) => c === "GmailApp.sendEmail")).toHaveLength(5);
  });

  test("whichever call fails, no email goes twice and every due email is Sent or Unconfirmed with a Problem", () => {
    const failures: string[] = [];
    for (let n = 1; n <= clean.calls; n++) {
      const bench = freshBench();
      bench.wb.emu.faults.failAtCall(n);
      const crashed = runHourly(bench, MONDAY_10);
      const where = `fault at call ${n} (${crashed.callLog[n - 1] ?? "none"})`;
      const anaBeforeReply = sentCounts(bench).get(ANA.email) ?? 0;
      // Ana writes back between the crash and the next run.
      bench.wb.emu.clock.set(new Date(MONDAY_10.getTime() + HOUR_MS / 2));
      bench.wb.emu.gmail.deliverInbound({
        to: ALEX,
        from: ANA.email,
        subject: "Hi",
        body: "Let's talk.",
      });
      for (const hours of [1, 2]) {
        const retry = runHourly(bench, new Date(MONDAY_10.getTime() + hours * HOUR_MS));
        if (retry.error) failures.push(`${where}: retry threw ${retry.error.message}`);
      }

      const counts = sentCounts(bench);
      for (const [to, count] of counts)
        if (count > 1) failures.push(`${where}: ${to} got ${count} emails`);
      if ((counts.get(ANA.email) ?? 0) !== anaBeforeReply) {
        failures.push(`${where}: Ana was emailed after she replied`);
      }
      for (const contact of CONTACTS) {
        const automated = touchesOf(bench.wb, contact.id).filter(
          (t) => t["Source"] === "Automation",
        );
        const sent = counts.get(contact.email) ?? 0;
        if (contact === ANA && anaBeforeReply === 0) {
          if (automated.some((t) => t["Delivery"] === "Sent"))
            failures.push(`${where}: Ana logged Sent, never emailed`);
          continue;
        }
        if (automated.length !== 1) {
          failures.push(`${where}: ${contact.name} has ${automated.length} automation touches`);
          continue;
        }
        const delivery = automated[0]!["Delivery"];
        const problem = String(contactRow(bench.wb, contact.id)["Problem"]);
        if (delivery === "Sent" && sent !== 1)
          failures.push(`${where}: ${contact.name} Sent but ${sent} emails`);
        if (
          delivery === "Unconfirmed" &&
          !problem.includes("Email may not have been sent — check Gmail")
        ) {
          failures.push(`${where}: ${contact.name} Unconfirmed without a Problem`);
        }
        if (delivery !== "Sent" && delivery !== "Unconfirmed") {
          failures.push(`${where}: ${contact.name} ended ${String(delivery)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test("whichever call of a syncing run fails, each reply is logged once and each sent email tied to its message once", () => {
    const prepare = () => {
      const bench = freshBench();
      runHourly(bench, MONDAY_10);
      bench.wb.emu.clock.set(new Date(MONDAY_10.getTime() + HOUR_MS / 2));
      for (const contact of CONTACTS.slice(0, 2)) {
        const thread = bench.wb.emu.gmail.sent(ALEX).find((m) => m.to === contact.email)!.threadId;
        bench.wb.emu.gmail.deliverInbound({
          to: ALEX,
          from: contact.email,
          body: "Sounds good.",
          threadId: thread,
        });
      }
      return bench;
    };
    const cleanSync = runHourly(prepare(), new Date(MONDAY_10.getTime() + HOUR_MS));
    expect(cleanSync.error).toBeUndefined();
    const failures: string[] = [];
    for (let n = 1; n <= cleanSync.calls; n++) {
      const bench = prepare();
      bench.wb.emu.faults.failAtCall(n);
      const crashed = runHourly(bench, new Date(MONDAY_10.getTime() + HOUR_MS));
      const where = `fault at call ${n} (${crashed.callLog[n - 1] ?? "none"})`;
      runHourly(bench, new Date(MONDAY_10.getTime() + 2 * HOUR_MS));
      for (const contact of CONTACTS) {
        const touches = touchesOf(bench.wb, contact.id);
        const replies = touches.filter((t) => t["Outcome"] === "Replied").length;
        const expected = CONTACTS.indexOf(contact) < 2 ? 1 : 0;
        if (replies !== expected) failures.push(`${where}: ${contact.name} has ${replies} replies`);
        const automated = touches.filter((t) => t["Source"] === "Automation");
        if (automated.length !== 1 || !/ <.+>$/.test(String(automated[0]!["Thread ID"]))) {
          failures.push(`${where}: ${contact.name}'s email is ${JSON.stringify(automated)}`);
        }
      }
      const counts = sentCounts(bench);
      for (const [to, count] of counts)
        if (count > 1) failures.push(`${where}: ${to} got ${count} emails`);
    }
    expect(failures).toEqual([]);
  });
});
