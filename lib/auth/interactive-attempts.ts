import type { ResumeAction } from "./token-request";

// Interactive sign-ins are full-page redirects. Each is recorded before it leaves, so that (1) the app does what the
// user was doing once it is back, exactly once, and (2) an attempt that comes back without what it went for is
// shown to the user instead of being tried again: no redirect loops, ever.

const ATTEMPT_KEY = "request-desk.interactive-attempt";
const FAILURE_KEY = "request-desk.interactive-failure";
const RESUME_KEY = "request-desk.resume";

/** Within this long, the same attempt is not made again by itself: the user is asked instead. */
const SAME_ATTEMPT_WINDOW_MS = 2 * 60_000;

export type AttemptPurpose = "claims" | "sign-in" | "consent";

export interface InteractiveAttempt {
  purpose: AttemptPurpose;
  /** What the attempt is for: the claims asked, or the permissions asked. */
  subject: string;
  at: number;
}

export interface InteractiveFailure {
  purpose: AttemptPurpose | "unknown";
  subject: string;
  error: string;
  description: string;
}

function read<T>(key: string): T | null {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage blocked: the app then cannot resume after the redirect; the user redoes the action.
  }
}

/** True when this exact attempt was made moments ago (and so came back without what it went for). */
export function attemptedRecently(purpose: AttemptPurpose, subject: string, now = Date.now()): boolean {
  const last = read<InteractiveAttempt>(ATTEMPT_KEY);
  return !!last && last.purpose === purpose && last.subject === subject && now - last.at < SAME_ATTEMPT_WINDOW_MS;
}

export function recordAttempt(purpose: AttemptPurpose, subject: string, resume: ResumeAction | undefined): void {
  write(ATTEMPT_KEY, { purpose, subject, at: Date.now() } satisfies InteractiveAttempt);
  write(RESUME_KEY, resume ?? null);
}

/** Called when the identity provider sent the user back with an error: what they tried is kept, its resume dropped. */
export function recordFailure(error: string, description: string): void {
  const last = read<InteractiveAttempt>(ATTEMPT_KEY);
  write(FAILURE_KEY, { purpose: last?.purpose ?? "unknown", subject: last?.subject ?? "", error, description } satisfies InteractiveFailure);
  write(RESUME_KEY, null);
}

/** The last failed attempt, once: reading it forgets it. */
export function takeFailure(): InteractiveFailure | null {
  const failure = read<InteractiveFailure>(FAILURE_KEY);
  write(FAILURE_KEY, null);
  return failure;
}

/** What to do again after a successful redirect, once: reading it forgets it. */
export function takeResumeAction(): ResumeAction | null {
  const action = read<ResumeAction>(RESUME_KEY);
  write(RESUME_KEY, null);
  return action;
}
