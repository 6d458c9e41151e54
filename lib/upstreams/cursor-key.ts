import "server-only";
import { hkdfSync, randomBytes } from "node:crypto";
import { serverEnv } from "@/lib/config/server-env";
import { appLogger } from "@/lib/ops/logger";

// The key list cursors are sealed with. Derived with HKDF rather than used raw, so the secret an operator sets is
// never itself the MAC key, and a later use of the same secret (with another `info`) gets an unrelated key.
const KEY_BYTES = 32;
const SALT = "request-desk";
const INFO = "list-cursor/v1";

// Kept on globalThis, not in a module variable: a bundler that gives two routes their own copy of this module must
// still seal and open with one key in one process.
const SLOT = Symbol.for("request-desk.cursor-key");
type Slot = { [SLOT]?: Buffer };

/** The process's cursor key, from CURSOR_SECRET, or generated once (and said so once) when none is set. */
export function cursorKey(): Buffer {
  const slot = globalThis as Slot;
  if (!slot[SLOT]) {
    const secret = serverEnv().CURSOR_SECRET;
    if (!secret) {
      appLogger().warn(
        { kind: "generated_cursor_key" },
        "CURSOR_SECRET is not set: list cursors are sealed with a key generated at start, so they stop working when this process restarts. Replicas behind a load balancer must share one CURSOR_SECRET.",
      );
    }
    slot[SLOT] = deriveCursorKey(secret ?? randomBytes(KEY_BYTES));
  }
  return slot[SLOT];
}

/** The HMAC key for a secret: HKDF-SHA-256, 32 bytes. */
export function deriveCursorKey(secret: string | Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, SALT, INFO, KEY_BYTES));
}
