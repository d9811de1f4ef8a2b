import type { PipeTransform } from '@nestjs/common';
import { validationError } from '../common/http/validation.pipe';
import { EXTERNAL_ID } from './customers.dto';

/** A customer's external id in a path: 1–200 characters, no URL delimiters (the rule of the customer routes). */
export class ExternalIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!EXTERNAL_ID.test(value)) {
      throw validationError([{ field: 'externalId', message: 'externalId must be 1–200 characters without /, ? or #' }]);
    }
    return value;
  }
}
