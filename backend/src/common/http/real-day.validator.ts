import { registerDecorator, ValidationOptions } from 'class-validator';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar day `YYYY-MM-DD` from 1970 on: 2026-02-30 is refused, not rolled over into March by JavaScript or
 * turned into a 500 by PostgreSQL ("date/time field value out of range").
 */
export function isRealDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match || Number(match[1]) < 1970) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** class-validator: the property is a real calendar day (see isRealDay). */
export function IsRealDay(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isRealDay',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real day from 1970 on: YYYY-MM-DD`, ...options },
      validator: { validate: isRealDay },
    });
}
