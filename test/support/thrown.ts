// What a call throws, as plain data, so a test compares the error's class name and message and a
// failure shows both (and a call that does not throw fails with its own message).

export interface Thrown {
  readonly name: string;
  readonly message: string;
}

/** The error `call` throws; fails the test when it returns instead. */
export function thrown(call: () => unknown): Thrown {
  try {
    call();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error("expected the call to throw, but it returned");
}

/** A refusal the person can fix (SidebarInputError), with its message. */
export const refused = (message: string): Thrown => ({ name: "SidebarInputError", message });
