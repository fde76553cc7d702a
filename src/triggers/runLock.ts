// Keeps two runs on one spreadsheet from working at once (DESIGN §3 step 1).
import { BUSY_MESSAGE } from "../domain/runRecord";
import { errorMessage } from "../errors";

/** How long to wait for another run's lock before leaving the work to the next hour. */
const LOCK_WAIT_MS = 10_000;

/**
 * Takes the run's lock (held until the execution ends); "" when taken, else why not.
 * Every run takes the script lock. An add-on's time trigger has no document lock (it is null there),
 * so the script lock is the only one a menu click and the hourly trigger can both hold — and they
 * must exclude each other, or both would log the same tier change.
 */
export function takeRunLock(): string {
  try {
    return LockService.getScriptLock().tryLock(LOCK_WAIT_MS) ? "" : BUSY_MESSAGE;
  } catch (error) {
    // A failing lock service must not escape the run: the Runs row says what happened.
    return `Touchbase could not take its lock: ${errorMessage(error)}`;
  }
}
