// What the dashboard takes from an admin-consent trip when it is back (see consent-trip.ts for the trip itself): the
// outcome the `/admin-consent` page left, read once.

export const OUTCOME_KEY = "request-desk.admin-consent-outcome";

export interface ConsentOutcome {
  granted: boolean;
  permissions: string[];
  /** Entra's error and description when it was not granted. */
  error?: string;
  description?: string;
}

/** The outcome of the last admin consent, once: reading it forgets it. */
export function takeConsentOutcome(): ConsentOutcome | null {
  const outcome = readJson<ConsentOutcome>(OUTCOME_KEY);
  sessionStorage.removeItem(OUTCOME_KEY);
  return outcome;
}

/** A JSON value in sessionStorage, or null when absent or unreadable. */
export function readJson<T>(key: string): T | null {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
}
