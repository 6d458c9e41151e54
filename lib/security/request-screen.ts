import type { AppErrorCode } from "@/lib/errors/error-codes";

/** What the server answers instead of handing a request to Next: the API's JSON error (status from the code). */
export interface EdgeRefusal {
  code: AppErrorCode;
  message: string;
  /** With 405: the methods the server takes at all (each route narrows this further in its own 405). */
  allow?: string;
}

/** Methods some route answers. Anything else (TRACE, CONNECT, WebDAV verbs, made-up ones) never reaches Next. */
const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** PUT, PATCH and DELETE reach the routes only to get their JSON 405, so they are not advertised as allowed. */
export const EDGE_ALLOW = "GET, HEAD, POST, OPTIONS";

/**
 * Decides, from the request line alone, whether a request may go on to Next. Next answers these cases with a
 * plain-text 500 (a bad escape makes its router's decodeURIComponent throw), an HTML 404 (dot segments) or an
 * empty 400/405; the API promises JSON for every error, and a 500 would claim a fault of ours that is the
 * caller's.
 */
export function screenRequest(method: string, url: string): EdgeRefusal | null {
  if (!SERVED_METHODS.has(method)) return methodRefusal(method);
  // Origin-form only (RFC 9112 §3.2.1): browsers and proxies send nothing else to an origin server.
  if (!url.startsWith("/")) return invalid("The request target must be a path starting with /.");
  const pathname = url.split(/[?#]/, 1)[0] ?? "";
  if (/[^\x21-\x7e]/.test(pathname)) return invalid("The path must be ASCII; percent-encode anything else.");
  if (/%(?![0-9A-Fa-f]{2})/.test(pathname)) return invalid("The path has a malformed percent-escape.");
  const segments = decodedSegments(pathname);
  if (!segments) return invalid("The path has a percent-escape that is not valid UTF-8.");
  // Browsers resolve dot segments before sending; one that arrives is an attempt to reach another path.
  if (segments.some((s) => s === "." || s === "..")) return invalid("The path must not contain . or .. segments.");
  if (/^\/api(?:[/\\]|$)/.test(pathname)) return screenApiPath(pathname);
  return null;
}

// Next would answer these with a 308 to a "cleaned" path (a redirect a script follows blindly, and not the API's
// JSON); an API path is exact or it is wrong.
function screenApiPath(pathname: string): EdgeRefusal | null {
  if (pathname.includes("\\")) return invalid("The path must not contain a backslash.");
  if (pathname.includes("//")) return invalid("The path must not contain an empty segment (//).");
  if (pathname.endsWith("/")) return { code: "not_found", message: "There is no API endpoint at this path; API paths have no trailing slash." };
  return null;
}

/** Node's own parser refusals (node:http 'clientError'), in the same JSON shape. */
export function refusalForParseError(errorCode: string | undefined, headerLimitBytes: number): EdgeRefusal {
  switch (errorCode) {
    case "HPE_HEADER_OVERFLOW":
      return {
        code: "header_too_large",
        message: `The request's headers exceed ${headerLimitBytes} bytes, the limit of this server.`,
      };
    case "ERR_HTTP_REQUEST_TIMEOUT":
    case "HPE_HEADERS_TIMEOUT":
      return { code: "request_timeout", message: "The request was not received in time." };
    case "HPE_INVALID_METHOD":
      return methodRefusal("This method");
    default:
      // Raw non-ASCII or control bytes in the path, bad header syntax, broken chunking and the like.
      return invalid("The request is not well-formed HTTP/1.1 (check the path is ASCII and the headers are valid).");
  }
}

/** `Expect` other than 100-continue, which Node answers itself with an empty 417. */
export function expectationRefusal(): EdgeRefusal {
  return { code: "expectation_failed", message: "The only Expect this server meets is 100-continue." };
}

export function methodRefusal(method: string): EdgeRefusal {
  const shown = /^[A-Za-z-]{1,20}$/.test(method) ? method : "This method";
  return { code: "method_not_allowed", message: `${shown} is not supported; use ${EDGE_ALLOW}.`, allow: EDGE_ALLOW };
}

function invalid(message: string): EdgeRefusal {
  return { code: "invalid_input", message };
}

function decodedSegments(pathname: string): string[] | null {
  try {
    return pathname.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}
