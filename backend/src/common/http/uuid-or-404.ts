import { ParseUUIDPipe } from '@nestjs/common';
import { notFound } from './api-error';

/** Route ids that are not UUIDs cannot exist: answer 404 "<what> not found", like any unknown id. */
export const uuidOr404 = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => notFound(what) });
