import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { ArmRequestRef } from "./category-definition";

// ---- The app's id of a request: `<scope token>.<name>` ----
//
// ARM names a request by its scope and its name, and the scope becomes part of the ARM URL a cancel calls, so the
// id is the place to stop a crafted scope. The scope travels base64url-encoded (it holds "/"), without its leading
// slash, and must decode to one of the scope shapes the contract names; anything else is refused before ARM is called.

export const MAX_AZURE_ROLE_ID_LENGTH = 1024;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Management group and resource group names: letters, digits, "-", "_", ".", "(", ")", 1–90, not ending with ".".
const GROUP_NAME = /^[A-Za-z0-9_().-]{0,89}[A-Za-z0-9_()-]$/;
const NAMESPACE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;
const RESOURCE_TYPE = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const RESOURCE_NAME = /^(?!\.\.?$)[A-Za-z0-9._()-]{1,260}$/;
const TOKEN = /^[A-Za-z0-9_-]+$/;

const SCOPE_SHAPES =
  "subscriptions/<id>, subscriptions/<id>/resourceGroups/<name>, a resource under a resource group, or " +
  "providers/Microsoft.Management/managementGroups/<name>";

export const same = (segment: string | undefined, word: string) => segment?.toLowerCase() === word.toLowerCase();

/** Why a scope (without its leading slash) is not one the app calls ARM with, or undefined when it is. */
function scopeProblem(path: string): string | undefined {
  if (path === "") return "the scope is empty (the tenant root is not a request's scope)";
  if (!/^[\x21-\x7e]+$/.test(path)) return "the scope may only hold printable ASCII characters, without spaces";
  if (/[%?#\\]/.test(path)) return "the scope may not contain '%', '?', '#' or '\\'";
  if (path.startsWith("/") || path.endsWith("/") || path.includes("//")) return "the scope has an empty path segment";
  const s = path.split("/");
  if (same(s[0], "providers")) {
    const isGroup = s.length === 4 && same(s[1], "Microsoft.Management") && same(s[2], "managementGroups") && GROUP_NAME.test(s[3]!);
    return isGroup ? undefined : `the scope must be ${SCOPE_SHAPES}`;
  }
  if (!same(s[0], "subscriptions") || !GUID.test(s[1] ?? "")) return `the scope must be ${SCOPE_SHAPES}; a subscription is named by its id, a GUID`;
  if (s.length === 2) return undefined;
  if (!same(s[2], "resourceGroups") || !GROUP_NAME.test(s[3] ?? "")) return `the scope must be ${SCOPE_SHAPES}`;
  if (s.length === 4) return undefined;
  return resourceProblem(s.slice(4));
}

/** `providers/<Namespace.Name>/<type>/<name>[/<type>/<name>…]`, below a resource group. */
function resourceProblem(segments: readonly string[]): string | undefined {
  const [providers, namespace, ...pairs] = segments;
  // A request path smuggled into the scope would make the cancel address another request or operation.
  if (segments.some((segment) => same(segment, "Microsoft.Authorization"))) return "the scope may not name Microsoft.Authorization";
  const wellFormed =
    same(providers, "providers") &&
    NAMESPACE.test(namespace ?? "") &&
    pairs.length > 0 &&
    pairs.length % 2 === 0 &&
    pairs.every((segment, i) => (i % 2 === 0 ? RESOURCE_TYPE.test(segment) && segment.length <= 260 : RESOURCE_NAME.test(segment)));
  return wellFormed ? undefined : "a resource scope must be subscriptions/<id>/resourceGroups/<name>/providers/<Namespace>/<type>/<name>";
}

function toBase64Url(ascii: string): string {
  return btoa(ascii).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(token: string): string | undefined {
  if (!TOKEN.test(token) || token.length % 4 === 1) return undefined;
  const text = atob(token.replace(/-/g, "+").replace(/_/g, "/"));
  // One spelling per scope: a token whose unused bits are set decodes too, but is not what the app wrote.
  return toBase64Url(text) === token ? text : undefined;
}

type RefReading = { ok: true; ref: ArmRequestRef } | { ok: false; problem: string };

function readArmRequestId(id: string): RefReading {
  if (id.length > MAX_AZURE_ROLE_ID_LENGTH) return { ok: false, problem: `it is longer than ${MAX_AZURE_ROLE_ID_LENGTH} characters` };
  const dot = id.lastIndexOf(".");
  if (dot < 0) return { ok: false, problem: "it must be the encoded scope, '.' and the request's name" };
  const name = id.slice(dot + 1);
  if (!GUID.test(name)) return { ok: false, problem: "after the last '.' comes the request's name, a GUID" };
  const path = fromBase64Url(id.slice(0, dot));
  if (path === undefined) return { ok: false, problem: "the scope before the '.' must be base64url without padding, as the app writes it" };
  const problem = scopeProblem(path);
  return problem ? { ok: false, problem } : { ok: true, ref: { scope: `/${path}`, name } };
}

const invalidId = (problem: string) => new AppError("invalid_input", `Invalid Azure role request id: ${problem}.`);

/** The app's id of a request; throws the app's 400 for a scope or name the id would not accept back. */
export function encodeArmRequestId(ref: ArmRequestRef): string {
  const problem = ref.scope.startsWith("/") ? scopeProblem(ref.scope.slice(1)) : "the scope must start with '/'";
  if (problem) throw invalidId(problem);
  if (!GUID.test(ref.name)) throw invalidId("the request's name must be a GUID");
  const id = `${toBase64Url(ref.scope.slice(1))}.${ref.name}`;
  if (id.length > MAX_AZURE_ROLE_ID_LENGTH) throw invalidId(`it would be longer than ${MAX_AZURE_ROLE_ID_LENGTH} characters`);
  return id;
}

/** The scope (with its leading slash) and name an app id stands for; throws the app's 400 for anything else. */
export function decodeArmRequestId(id: string): ArmRequestRef {
  const reading = readArmRequestId(id);
  if (!reading.ok) throw invalidId(reading.problem);
  return reading.ref;
}

export const azureRoleIdSchema: z.ZodType<string> = z
  .string()
  .max(MAX_AZURE_ROLE_ID_LENGTH, "The request id is too long.")
  .superRefine((id, context) => {
    const reading = readArmRequestId(id);
    if (!reading.ok) context.addIssue({ code: "custom", message: `Invalid Azure role request id: ${reading.problem}.` });
  });

export type ArmScopeKind = "Management group" | "Subscription" | "Resource group" | "Resource";

export const SUBSCRIPTION_ALIAS = /^\/providers\/Microsoft\.Subscription\/(?=subscriptions\/)/i;

/** What a scope is, from its shape (a scope outside the grammar gets the kind its depth suggests). */
export function armScopeKind(scope: string): ArmScopeKind {
  const s = scope.replace(SUBSCRIPTION_ALIAS, "/").split("/").filter(Boolean);
  if (same(s[0], "providers")) return "Management group";
  if (s.length <= 2) return "Subscription";
  return s.length <= 4 ? "Resource group" : "Resource";
}

export const KIND_BY_TYPE: Readonly<Record<string, ArmScopeKind>> = {
  managementgroup: "Management group",
  subscription: "Subscription",
  resourcegroup: "Resource group",
  resource: "Resource",
};
