import { AppError, type AppErrorBody } from "@/lib/errors/app-error";

type RetryLaterCode = "rate_limited" | "server_busy";

/**
 * A refusal that will pass if the caller waits: the wait goes out twice, as `Retry-After` for HTTP clients and
 * proxies and as `error.retryAfterSeconds` for code that reads only the JSON.
 */
export class RetryLaterError extends AppError {
  constructor(
    code: RetryLaterCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }

  override toBody(): AppErrorBody & { error: { retryAfterSeconds: number } } {
    const body = super.toBody();
    return { error: { ...body.error, retryAfterSeconds: this.retryAfterSeconds } };
  }

  override toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status, headers: { "Retry-After": String(this.retryAfterSeconds) } });
  }
}
