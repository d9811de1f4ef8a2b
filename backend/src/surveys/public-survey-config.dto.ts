import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  QUESTION_TYPES,
  SURVEY_KINDS,
  TEXT_ANSWER_MAX,
  type PublicQuestion,
  type PublicSurveyConfig,
  type QuestionType,
  type SurveyKind,
  type WidgetUiText,
} from '@otklik/survey-model';
import { DisplayRulesDto, ThemeDto } from './surveys.dto';

/*
 * The OpenAPI description of GET /api/v1/public/surveys/{publicKey}: @otklik/survey-model's PublicSurveyConfig
 * (what the widgets read), every text already in the chosen language. `implements` keeps the two in step.
 */

class PublicScaleDto {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiPropertyOptional() minLabel?: string;
  @ApiPropertyOptional() maxLabel?: string;
}

class PublicChoiceOptionDto {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
}

class PublicScoreBandDto {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty() text: string;
}

class PublicTextByScoreDto {
  @ApiProperty() scoreQuestionId: string;
  @ApiProperty({ type: PublicScoreBandDto, isArray: true }) bands: PublicScoreBandDto[];
}

class PublicQuestionDto implements PublicQuestion {
  @ApiProperty() id: string;
  @ApiProperty({ enum: QUESTION_TYPES, enumName: 'QuestionType' }) type: QuestionType;
  @ApiProperty() required: boolean;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ type: PublicScaleDto, description: 'nps (always 0–10), rating and matrix questions' }) scale?: PublicScaleDto;
  @ApiPropertyOptional({ type: PublicChoiceOptionDto, isArray: true, description: 'single_choice and multi_choice questions' })
  options?: PublicChoiceOptionDto[];
  @ApiPropertyOptional({ type: PublicChoiceOptionDto, isArray: true, description: 'matrix questions: the parameters rated on the scale' })
  rows?: PublicChoiceOptionDto[];
  @ApiPropertyOptional({ type: PublicTextByScoreDto, description: "The question's wording by the score given to another question" })
  textByScore?: PublicTextByScoreDto;
  @ApiProperty({ maximum: TEXT_ANSWER_MAX, description: 'Max characters of a text answer' }) maxLength: number;
}

class WidgetUiTextDto implements WidgetUiText {
  @ApiProperty() next: string;
  @ApiProperty() submit: string;
  @ApiProperty() close: string;
  @ApiProperty() thanks: string;
  @ApiProperty() required: string;
  @ApiProperty() placeholder: string;
  @ApiProperty({ description: 'Accessible name of a score button', example: '{score} out of {max}' }) scoreLabel: string;
}

export class PublicSurveyConfigDto implements PublicSurveyConfig {
  @ApiProperty() publicKey: string;
  @ApiProperty({ enum: SURVEY_KINDS, enumName: 'SurveyKind' }) kind: SurveyKind;
  @ApiProperty() version: number;
  @ApiProperty({ description: "The language the texts are in: the first of the visitor's candidates the survey has, else its default" })
  language: string;
  @ApiProperty({ enum: ['ltr', 'rtl'] }) direction: 'ltr' | 'rtl';
  @ApiProperty({ type: PublicQuestionDto, isArray: true }) questions: PublicQuestionDto[];
  @ApiProperty({ type: DisplayRulesDto }) displayRules: DisplayRulesDto;
  @ApiProperty({ type: ThemeDto }) theme: ThemeDto;
  @ApiProperty({ description: 'False when the recontact rules say not to show it to this respondent now' }) eligible: boolean;
  @ApiPropertyOptional({
    enum: ['recontact_window', 'already_responded', 'not_live', 'customer_not_verified'],
    description: 'Why not, when not eligible',
  })
  ineligibleReason?: string;
  @ApiProperty({ type: WidgetUiTextDto, description: 'Button and helper texts in `language`' }) ui: WidgetUiTextDto;
}
