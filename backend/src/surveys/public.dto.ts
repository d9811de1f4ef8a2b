import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, registerDecorator } from 'class-validator';
import { LANGUAGE_CODE } from '@otklik/survey-model';

const CLIENT_ID = /^[\w-]{8,64}$/;
const clientId = (field: string) => ({ message: `${field} must be 8–64 letters, digits, _ or - (e.g. a UUID)` });

/** Identity verification (customer-identity/): hex HMAC-SHA256 of customerId with the workspace's identity secret. */
export const CUSTOMER_HASH = /^[0-9a-fA-F]{64}$/;
export const CUSTOMER_HASH_MESSAGE = { message: 'customerHash must be the 64 hex digits of HMAC-SHA256(identity secret, customerId)' };
export const CUSTOMER_HASH_DOC = {
  description: "Proves customerId: hex HMAC-SHA256(the workspace's identity secret, customerId), computed by your server",
  example: 'a3f…(64 hex digits)',
};

/** `{ key: string ≤ 500 }` with at most 30 keys of [\w.-]{1,64}. */
function IsHiddenFields() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isHiddenFields',
      target: target.constructor,
      propertyName,
      options: { message: 'hiddenFields must be an object of at most 30 text values (keys up to 64 characters, values up to 500)' },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return entries.length <= 30 && entries.every(([k, v]) => /^[\w.-]{1,64}$/.test(k) && typeof v === 'string' && v.length <= 500);
        },
      },
    });
}

/** A matrix answer's shape (row id → number); its rows and range are checked against the survey version. */
const isMatrixShape = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length <= 50 &&
  Object.entries(v).every(([row, n]) => row.length <= 100 && typeof n === 'number');

/** Answers: `{ questionId: number | string | string[] | { rowId: number } }`; values are checked against the survey version. */
function IsAnswersObject() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isAnswersObject',
      target: target.constructor,
      propertyName,
      options: {
        message: 'answers must be an object of question id → number, text, list of option ids or { row id: number } (at most 30)',
      },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= 30 &&
            entries.every(
              ([k, v]) =>
                /^[a-z0-9_-]{1,40}$/.test(k) &&
                (typeof v === 'number' ||
                  typeof v === 'string' ||
                  (Array.isArray(v) && v.length <= 50 && v.every((x) => typeof x === 'string')) ||
                  isMatrixShape(v)),
            )
          );
        },
      },
    });
}

export class RecordDisplayDto {
  @ApiProperty({ description: 'Client-generated; the same key again returns the same display' })
  @Matches(CLIENT_ID, clientId('idempotencyKey'))
  idempotencyKey: string;

  @ApiProperty({ description: "The widget's anonymous respondent id" }) @Matches(CLIENT_ID, clientId('respondentId')) respondentId: string;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) customerId?: string;

  @ApiPropertyOptional(CUSTOMER_HASH_DOC) @IsOptional() @Matches(CUSTOMER_HASH, CUSTOMER_HASH_MESSAGE) customerHash?: string;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) url?: string;

  @ApiPropertyOptional({
    enum: ['link'],
    description: 'link: shown by the hosted link page; the contact policy records the ask but does not refuse it',
  })
  @IsOptional()
  @IsIn(['link'], { message: 'via must be link or absent' })
  via?: 'link';
}

export class DisplayRecordedDto {
  @ApiProperty({ format: 'uuid' }) displayId: string;
}

export class SubmitResponseDto {
  @ApiProperty({ description: 'Client-generated, one per response; every call for the same response repeats it' })
  @Matches(CLIENT_ID, clientId('idempotencyKey'))
  idempotencyKey: string;

  @ApiProperty() @Matches(CLIENT_ID, clientId('respondentId')) respondentId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'displayId must be the id returned for the display' })
  displayId?: string;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) customerId?: string;

  @ApiPropertyOptional(CUSTOMER_HASH_DOC) @IsOptional() @Matches(CUSTOMER_HASH, CUSTOMER_HASH_MESSAGE) customerHash?: string;

  @ApiPropertyOptional({ example: 'ru' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'language must be a code like en or ru' })
  language?: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { score: 9, comment: 'Fast delivery' } })
  @IsObject({ message: 'answers must be an object' })
  @IsAnswersObject()
  answers: Record<string, number | string | string[] | Record<string, number>>;

  @ApiProperty({ description: 'true on the last answer: required questions must then be answered' }) @IsBoolean() finished: boolean;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) @IsOptional() @IsHiddenFields() hiddenFields?: Record<
    string,
    string
  >;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) url?: string;
}

export class ResponseRecordedDto {
  @ApiProperty({ format: 'uuid' }) responseId: string;
  @ApiProperty() finished: boolean;
}
