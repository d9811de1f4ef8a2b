import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError, FieldError } from './api-error';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Validates every body and query against its DTO; unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true, // one clear message per field
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const summary = details.length === 1 ? details[0].message : `${details.length} fields are invalid`;
      return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `Invalid request: ${summary}`, details);
    },
  });
}
