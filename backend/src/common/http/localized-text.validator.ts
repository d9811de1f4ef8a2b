import { LANGUAGE_CODE } from '@otklik/survey-model';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** `{ [languageCode]: non-empty string ≤ maxLength }`, at least one entry. */
export function IsLocalizedText(maxLength = 1000, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalizedText',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must map language codes (e.g. "en", "ru") to non-empty texts of at most ${maxLength} characters`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length > 0 &&
            entries.length <= 50 &&
            entries.every(
              ([key, text]) => LANGUAGE_CODE.test(key) && typeof text === 'string' && text.trim().length > 0 && text.length <= maxLength,
            )
          );
        },
      },
    });
}
