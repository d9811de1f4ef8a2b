import { Body, Controller, Get, Headers, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { ErrorResponseDto } from '../common/http/error.dto';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { validationError } from '../common/http/validation.pipe';
import { CreateSurveyDto, SurveyDto, SurveyVersionDto, UpdateSurveyDto } from './surveys.dto';
import { SurveysService } from './surveys.service';

const surveyId = uuidOr404('Survey');
const EDITORS = ['admin', 'analyst'] as const;

/** A survey's revision as a strong ETag, `"7"`; If-Match takes it back (or `*`, any revision). */
const etagOf = (revision: number) => `"${revision}"`;
function revisionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw validationError([{ field: 'If-Match', message: 'If-Match must be the survey\'s ETag, e.g. "7", as GET returned it' }]);
  return Number(match[1]);
}

@ApiTags('surveys')
@Controller('workspaces/:workspaceId/surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get()
  @WorkspaceAccess({ scope: 'surveys:read' })
  @ApiOperation({ summary: 'Surveys of the workspace with display and response counts' })
  @ApiOkResponse({ type: SurveyDto, isArray: true })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<SurveyDto[]> {
    return this.surveys.list(ws.workspaceId);
  }

  @Post()
  @WorkspaceAccess({ roles: EDITORS, scope: 'surveys:write' })
  @ApiOperation({ summary: 'Create a survey (draft); built-in kinds get default questions in en, ru, bg and de' })
  @ApiCreatedResponse({ type: SurveyDto })
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateSurveyDto,
  ): Promise<SurveyDto> {
    return this.surveys.create(ws.workspaceId, principal.kind === 'user' ? principal.userId : null, body);
  }

  @Get(':surveyId')
  @WorkspaceAccess({ scope: 'surveys:read' })
  @ApiOperation({ summary: 'One survey with its current questions' })
  @ApiOkResponse({ type: SurveyDto })
  async get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SurveyDto> {
    const survey = await this.surveys.get(ws.workspaceId, id);
    res.setHeader('ETag', etagOf(survey.revision));
    return survey;
  }

  @Patch(':surveyId')
  @WorkspaceAccess({ roles: EDITORS, scope: 'surveys:write' })
  @ApiOperation({ summary: 'Edit a survey or change its status; new questions on a live or answered survey make a new version' })
  @ApiOkResponse({ type: SurveyDto })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the survey this edit was made from (or send expectedRevision)',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'stale_survey: someone saved the survey after the revision this edit was made from',
  })
  async update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Body() body: UpdateSurveyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SurveyDto> {
    const expectedRevision = body.expectedRevision ?? revisionFromIfMatch(ifMatch);
    const survey = await this.surveys.update(ws.workspaceId, id, { ...body, expectedRevision });
    res.setHeader('ETag', etagOf(survey.revision));
    return survey;
  }

  @Get(':surveyId/versions')
  @WorkspaceAccess({ scope: 'surveys:read' })
  @ApiOperation({ summary: 'Question versions, newest first, with their response counts' })
  @ApiOkResponse({ type: SurveyVersionDto, isArray: true })
  versions(@CurrentWorkspace() ws: WorkspaceContext, @Param('surveyId', surveyId) id: string): Promise<SurveyVersionDto[]> {
    return this.surveys.versions(ws.workspaceId, id);
  }
}
