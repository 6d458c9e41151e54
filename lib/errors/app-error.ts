import { APP_ERROR_STATUS, isAppErrorCode, type AppErrorCode } from "./error-codes";

export interface AppErrorBody {
  error: { code: AppErrorCode; message: string; graphCode?: string; requestId?: string; claims?: string };
}

/**
 * The one error type of the app: thrown on the server, serialised by `toResponse()`, rebuilt in the browser by
 * `fromResponseBody()` so components can switch on `code`. Graph's own code travels along as `graphCode`.
 */
export interface AppErrorDetails {
  graphCode?: string;
  requestId?: string;
  /** With `claims_challenge`: the claims Graph asked for, base64 as Graph sent them in `WWW-Authenticate`. */
  claims?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;
  readonly claims: string | undefined;

  constructor(code: AppErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = APP_ERROR_STATUS[code];
    this.graphCode = details.graphCode;
    this.requestId = details.requestId;
    this.claims = details.claims;
  }

  toBody(): AppErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.graphCode ? { graphCode: this.graphCode } : {}),
        ...(this.requestId ? { requestId: this.requestId } : {}),
        ...(this.claims ? { claims: this.claims } : {}),
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
      return new AppError(error.code, error.message, { graphCode: error.graphCode, requestId: error.requestId, claims });
    }
    return new AppError(
      status >= 500 ? "upstream_error" : "invalid_input",
      `The server answered ${status} without an explanation.`,
    );
  }
}
