import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError, FieldError } from './api-error';

/** class-validator's nested errors as one list of { field, message }. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The 400 for field errors: "Invalid <subject>: <the one message | N <items> are invalid>". */
export function validationError(details: FieldError[], subject = 'request', items = 'fields'): ApiError {
  const summary = details.length === 1 ? details[0].message : `${details.length} ${items} are invalid`;
  return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `Invalid ${subject}: ${summary}`, details);
}

/** The options every body is validated with (also used by the ingest edge). */
export const VALIDATION_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true } as const;

/** Validates every body and query against its DTO; unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATION_OPTIONS, // one clear message per field
    transform: true,
    exceptionFactory: (errors) => validationError(flattenValidationErrors(errors)),
  });
}
