import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/http/dto-helpers';
import { MENTION_CSV_FIELDS } from './mention-csv-mapping';

const TARGETS = [...MENTION_CSV_FIELDS, 'ignore'];

export class MentionCsvRowDto {
  @ApiProperty({ description: 'Row number as a spreadsheet shows it (the header is row 1)' }) row: number;
  @ApiProperty({ type: [String] }) values: string[];
}

export class MentionCsvPreviewDto {
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) format: string;
  @ApiProperty({ type: String, nullable: true, enum: ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1251'] }) encoding: string | null;
  @ApiProperty({ type: String, nullable: true, example: ';' }) delimiter: string | null;
  @ApiProperty({ type: [String] }) headers: string[];
  @ApiProperty({ description: 'Data rows in the file (blank rows skipped)' }) totalRows: number;
  @ApiProperty({ type: [MentionCsvRowDto], description: 'The first 20 rows' }) rows: MentionCsvRowDto[];
  @ApiProperty({ type: [String], enum: TARGETS, description: 'A target per column, guessed from the header (en/ru names)' })
  suggestedMapping: string[];
  @ApiProperty({ type: [String], enum: TARGETS }) targets: string[];
}

export class MentionCsvImportBodyDto {
  @ApiProperty({
    description:
      'JSON list with one target per column: source, externalId, url, author, text, language, postedAt, reach, parentExternalId or ignore',
    example: '["postedAt","author","text","url","ignore"]',
  })
  @IsString()
  @MaxLength(20_000)
  mapping: string;

  @ApiPropertyOptional({ description: 'Source of every row when no column is mapped to source, e.g. vk', example: 'vk' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  source?: string;

  @ApiPropertyOptional({ description: 'IANA zone for dates written without one (default UTC)', example: 'Europe/Moscow' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

export class MentionCsvRowErrorDto {
  @ApiProperty({ description: 'Row number in the file (header is row 1)' }) row: number;
  @ApiProperty({ type: String, nullable: true, description: 'The column the problem is in, when one is' }) column: string | null;
  @ApiProperty({ description: 'Mention field, e.g. postedAt' }) field: string;
  @ApiProperty() message: string;
}

export class MentionCsvImportResultDto {
  @ApiProperty() totalRows: number;
  @ApiProperty({ description: 'New mentions stored' }) created: number;
  @ApiProperty({ description: 'Rows already stored (same source and id, e.g. the file uploaded again)' }) existing: number;
  @ApiProperty({ description: 'Rows refused; see errors' }) invalid: number;
  @ApiProperty({ description: 'Of the created, how many copy an earlier mention' }) duplicates: number;
  @ApiProperty({ type: [MentionCsvRowErrorDto], description: 'Per-row problems in file order (at most 1000)' })
  errors: MentionCsvRowErrorDto[];
  @ApiProperty({ description: 'True when more problems were found than listed' }) errorsTruncated: boolean;
}
