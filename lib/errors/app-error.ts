import { APP_ERROR_STATUS, isAppErrorCode, type AppErrorCode } from "./error-codes";

export interface AppErrorBody {
  error: { code: AppErrorCode; message: string; graphCode?: string; requestId?: string };
}

/**
 * The one error type of the app: thrown on the server, serialised by `toResponse()`, rebuilt in the browser by
 * `fromResponseBody()` so components can switch on `code`. Graph's own code travels along as `graphCode`.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;

  constructor(code: AppErrorCode, message: string, details: { graphCode?: string; requestId?: string } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = APP_ERROR_STATUS[code];
    this.graphCode = details.graphCode;
    this.requestId = details.requestId;
  }

  toBody(): AppErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.graphCode ? { graphCode: this.graphCode } : {}),
        ...(this.requestId ? { requestId: this.requestId } : {}),
      },
    };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status });
  }

  static fromResponseBody(status: number, body: unknown): AppError {
    const error = (body as Partial<AppErrorBody> | null)?.error;
    if (error && isAppErrorCode(error.code) && typeof error.message === "string") {
      return new AppError(error.code, error.message, { graphCode: error.graphCode, requestId: error.requestId });
    }
    return new AppError(
      status >= 500 ? "upstream_error" : "invalid_input",
      `The server answered ${status} without an explanation.`,
    );
  }
}
