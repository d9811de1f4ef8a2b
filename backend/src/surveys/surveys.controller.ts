import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { CreateSurveyDto, SurveyDto, SurveyVersionDto, UpdateSurveyDto } from './surveys.dto';
import { SurveysService } from './surveys.service';

const surveyId = uuidOr404('Survey');
const EDITORS = ['admin', 'analyst'] as const;

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
  create(@CurrentWorkspace() ws: WorkspaceContext, @CurrentPrincipal() principal: Principal, @Body() body: CreateSurveyDto): Promise<SurveyDto> {
    return this.surveys.create(ws.workspaceId, principal.kind === 'user' ? principal.userId : null, body);
  }

  @Get(':surveyId')
  @WorkspaceAccess({ scope: 'surveys:read' })
  @ApiOperation({ summary: 'One survey with its current questions' })
  @ApiOkResponse({ type: SurveyDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('surveyId', surveyId) id: string): Promise<SurveyDto> {
    return this.surveys.get(ws.workspaceId, id);
  }

  @Patch(':surveyId')
  @WorkspaceAccess({ roles: EDITORS, scope: 'surveys:write' })
  @ApiOperation({ summary: 'Edit a survey or change its status; new questions on a live or answered survey make a new version' })
  @ApiOkResponse({ type: SurveyDto })
  update(@CurrentWorkspace() ws: WorkspaceContext, @Param('surveyId', surveyId) id: string, @Body() body: UpdateSurveyDto): Promise<SurveyDto> {
    return this.surveys.update(ws.workspaceId, id, body);
  }

  @Get(':surveyId/versions')
  @WorkspaceAccess({ scope: 'surveys:read' })
  @ApiOperation({ summary: 'Question versions, newest first, with their response counts' })
  @ApiOkResponse({ type: SurveyVersionDto, isArray: true })
  versions(@CurrentWorkspace() ws: WorkspaceContext, @Param('surveyId', surveyId) id: string): Promise<SurveyVersionDto[]> {
    return this.surveys.versions(ws.workspaceId, id);
  }
}
