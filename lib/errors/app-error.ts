import { APP_ERROR_STATUS, isAppErrorCode, type AppErrorCode } from "./error-codes";

/** The APIs behind the app, each with its own host, token audience and error shapes. */
export type Upstream = "graph" | "arm";

export interface AppErrorBody {
  error: { code: AppErrorCode; message: string; upstreamCode?: string; requestId?: string; claims?: string; upstream?: Upstream; time?: string };
}

/**
 * The one error type of the app: thrown on the server, serialised by `toResponse()`, rebuilt in the browser by
 * `fromResponseBody()` so components can switch on `code`. Graph's own code travels along as `upstreamCode`.
 */
export interface AppErrorDetails {
  upstreamCode?: string;
  requestId?: string;
  /** With `claims_challenge`: the claims Graph asked for, base64 as Graph sent them in `WWW-Authenticate`. */
  claims?: string;
  /** Which API answered (so a claims challenge is answered with a token of that API's audience). */
  upstream?: Upstream;
  /** When the server met the error (ISO 8601): with `requestId`, what support needs to find it in the logs. */
  time?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly upstreamCode: string | undefined;
  readonly requestId: string | undefined;
  readonly claims: string | undefined;
  readonly upstream: Upstream | undefined;
  readonly time: string;

  constructor(code: AppErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = APP_ERROR_STATUS[code];
    this.upstreamCode = details.upstreamCode;
    this.requestId = details.requestId;
    this.claims = details.claims;
    this.upstream = details.upstream;
    this.time = details.time ?? new Date().toISOString();
  }

  toBody(): AppErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.upstreamCode ? { upstreamCode: this.upstreamCode } : {}),
        ...(this.requestId ? { requestId: this.requestId } : {}),
        ...(this.claims ? { claims: this.claims } : {}),
        ...(this.upstream ? { upstream: this.upstream } : {}),
        time: this.time,
      },
    };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status });
  }

  static fromResponseBody(status: number, body: unknown): AppError {
    const error = (body as Partial<AppErrorBody> | null)?.error;
    if (error && isAppErrorCode(error.code) && typeof error.message === "string") {
      const claims = typeof error.claims === "string" ? error.claims : undefined;
      const upstream = error.upstream === "graph" || error.upstream === "arm" ? error.upstream : undefined;
      const time = typeof error.time === "string" && !Number.isNaN(Date.parse(error.time)) ? error.time : undefined;
      return new AppError(error.code, error.message, { upstreamCode: error.upstreamCode, requestId: error.requestId, claims, upstream, time });
    }
    return new AppError(
      status >= 500 ? "upstream_error" : "invalid_input",
      `The server answered ${status} without an explanation.`,
    );
  }
}
