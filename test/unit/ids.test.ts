// IDs compared as text over a high-water mark (issue 7 item 2): src/domain/ids.ts.
import {
  compareDigits,
  CONTACT_ID,
  idAllocator,
  idDigits,
  incrementDigits,
  isUnusualId,
  TOUCH_ID,
} from "../../src/domain/ids";

describe("ids", () => {
  test("digits are read as text, leading zeros dropped; other shapes are not ours", () => {
    expect(idDigits("C-000123", CONTACT_ID)).toBe("123");
    expect(idDigits(" c-000000 ", CONTACT_ID)).toBe("0");
    expect(idDigits("C-12a", CONTACT_ID)).toBeNull();
    expect(idDigits("C-1234567890123", CONTACT_ID)).toBeNull();
    expect(idDigits("HS-12", CONTACT_ID)).toBeNull();
  });

  test("digit strings order and increment as numbers of any size", () => {
    expect(compareDigits("99", "100")).toBeLessThan(0);
    expect(compareDigits("120", "119")).toBeGreaterThan(0);
    expect(incrementDigits("999999999999")).toBe("1000000000000");
    expect(incrementDigits("41")).toBe("42");
  });

  test("the allocator continues above every usual ID, skipping unusual ones", () => {
    const next = idAllocator(CONTACT_ID, [
      "C-000007",
      "",
      42,
      "C-99999999999999999999",
      "c-000010",
    ]);
    expect([next(), next()]).toEqual(["C-000011", "C-000012"]);
    expect(idAllocator(TOUCH_ID, [])()).toBe("T-0000001");
  });

  test("unusual: our prefix in another shape, or absurdly long; a foreign ID is the user's own", () => {
    expect(isUnusualId("C-99999999999999999999", CONTACT_ID)).toBe(true);
    expect(isUnusualId("C-1.5", CONTACT_ID)).toBe(true);
    expect(isUnusualId("x".repeat(41), CONTACT_ID)).toBe(true);
    expect(isUnusualId("HS-1234", CONTACT_ID)).toBe(false);
    expect(isUnusualId("C-000001", CONTACT_ID)).toBe(false);
  });
});
