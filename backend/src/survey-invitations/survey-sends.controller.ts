import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import {
  CreateSendDto,
  CreatedSendDto,
  ListSendsQuery,
  PreviewQuery,
  SendDto,
  SendPreviewDto,
  TestSendDto,
  TestSentDto,
} from './survey-sends.dto';
import { SurveySendsService } from './survey-sends.service';

const surveyId = uuidOr404('Survey');
const sendId = uuidOr404('Send');
const SENDERS = { roles: ['admin', 'analyst'], scope: 'surveys:write' } as const;
const READ = { scope: 'surveys:read' } as const;
const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

/** Email invitations of a survey: send to a segment, a list or on an event; preview, test send, response rates. */
@ApiTags('survey invitations')
@Controller('workspaces/:workspaceId/surveys/:surveyId/sends')
export class SurveySendsController {
  constructor(private readonly sends: SurveySendsService) {}

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "The survey's sends, newest first, each with its response rate (a page: limit, offset)" })
  @ApiOkResponse({ type: SendDto, isArray: true })
  list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Query() query: ListSendsQuery,
  ): Promise<SendDto[]> {
    return this.sends.list(ws.workspaceId, id, query);
  }

  @Post()
  @WorkspaceAccess(SENDERS)
  @ApiOperation({
    summary: 'Send the survey by email to a segment, a pasted list (up to 10,000 rows) or on an event',
    description:
      'The first question goes in the email (a score: each value a link that records it at once). Recipients who have no ' +
      'email, withdrew consent, bounced, or whom the contact policy refuses are skipped with a reason. 409 survey_not_live.',
  })
  @ApiCreatedResponse({ type: CreatedSendDto })
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('surveyId', surveyId) id: string,
    @Body() body: CreateSendDto,
  ): Promise<CreatedSendDto> {
    return this.sends.create(ws.workspaceId, id, body, userOf(p));
  }

  @Get('preview')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The invitation email for a sample recipient, in one of the survey languages' })
  @ApiOkResponse({ type: SendPreviewDto })
  preview(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Query() query: PreviewQuery,
  ): Promise<SendPreviewDto> {
    return this.sends.preview(ws.workspaceId, id, query.language);
  }

  @Post('test')
  @HttpCode(202)
  @WorkspaceAccess(SENDERS)
  @ApiOperation({ summary: "Send the invitation, marked as a test, to the signed-in member's address (or `to`)" })
  @ApiResponse({ status: 202, type: TestSentDto })
  test(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('surveyId', surveyId) id: string,
    @Body() body: TestSendDto,
  ): Promise<TestSentDto> {
    return this.sends.testSend(ws.workspaceId, id, body, userOf(p));
  }

  @Get(':sendId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One send with its progress and response rate' })
  @ApiOkResponse({ type: SendDto })
  get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Param('sendId', sendId) send: string,
  ): Promise<SendDto> {
    return this.sends.get(ws.workspaceId, id, send);
  }

  @Post(':sendId/stop')
  @HttpCode(200)
  @WorkspaceAccess(SENDERS)
  @ApiOperation({ summary: 'Stop an event send (or a scheduled one before it starts); queued invitations still go' })
  @ApiOkResponse({ type: SendDto })
  stop(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Param('sendId', sendId) send: string,
  ): Promise<SendDto> {
    return this.sends.stop(ws.workspaceId, id, send);
  }
}
