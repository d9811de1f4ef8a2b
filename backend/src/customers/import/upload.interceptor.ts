import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { ApiError } from '../../common/http/api-error';
import { IMPORT_LIMITS, MAX_MEGABYTES } from './import-limits';

/** multer's options for the import upload: one file in memory, never larger than the import limit. */
export const UPLOAD_OPTIONS = {
  limits: { fileSize: IMPORT_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 },
  // Browsers send UTF-8 file names ("клиенты.csv"); multer's default would read them as Latin-1.
  defParamCharset: 'utf8',
};

/**
 * Turns multer's terse errors ("File too large") into messages a person can act on; the 413 names the endpoint's own
 * limit (a subclass with another `maxMegabytes`, see uploadErrorsInterceptor).
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  protected readonly maxMegabytes: number = MAX_MEGABYTES;

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof ApiError || !(error instanceof HttpException)) return throwError(() => error);
        if (error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
          return throwError(
            () =>
              new ApiError(
                HttpStatus.PAYLOAD_TOO_LARGE,
                'file_too_large',
                `The file is larger than ${this.maxMegabytes} MB. Split it into smaller files and import them one by one.`,
              ),
          );
        }
        if (error.getStatus() === HttpStatus.BAD_REQUEST) {
          return throwError(
            () =>
              new ApiError(
                HttpStatus.BAD_REQUEST,
                'bad_upload',
                `The upload could not be read (${error.message}). Send one file as the multipart/form-data field "file".`,
              ),
          );
        }
        return throwError(() => error);
      }),
    );
  }
}

/** UploadErrorsInterceptor for an upload whose limit is not the customer import's. */
export function uploadErrorsInterceptor(maxMegabytes: number): typeof UploadErrorsInterceptor {
  @Injectable()
  class LimitedUploadErrorsInterceptor extends UploadErrorsInterceptor {
    protected override readonly maxMegabytes = maxMegabytes;
  }
  return LimitedUploadErrorsInterceptor;
}
