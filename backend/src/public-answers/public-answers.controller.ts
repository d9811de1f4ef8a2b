import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertTokenScope, workflowParts } from './public-answers-access';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { Principal, WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import type { Actor } from '../cases/case-actor';
import {
  PublicAnswerInput,
  PublicAnswersReportDto,
  PublicAnswersReportQuery,
  PublicFindingsInput,
  PublicWorkflowDto,
  RevisionQuery,
} from './public-answers.dto';
import { publicAnswersReportCsv } from './public-answers-report.csv';
import { PublicAnswersReportService } from './public-answers-report.service';
import { PublicAnswersService } from './public-answers.service';

const READ = { scope: 'mentions:read' } as const;
const WORKERS = ['admin', 'analyst', 'owner'] as const;
const WRITE = { roles: WORKERS, scope: 'mentions:write' } as const;
/** Opening the case is the cases API's write (cases:write); a token also needs mentions:write (checked in the handler). */
const OPEN_CASE = { roles: WORKERS, scope: 'cases:write' } as const;

const actorOf = (p: Principal): Actor =>
  p.kind === 'user' ? { kind: 'user', userId: p.userId } : { kind: 'token', userId: null, tokenId: p.tokenId };

const WORKFLOW =
  'Negative original mentions only (others 422 mention_not_negative / mention_is_copy). Steps: answer in public, investigate ' +
  '(the case opened from the mention; done when it records a root cause), publish the findings (needs the answer first, else ' +
  '422 answer_required), compensate (an approved grant on the case). Every write names the revision it read; a stale one answers ' +
  '409 stale_revision and changes nothing. A step keeps its first time through edits until it is cleared. For an API token, ' +
  'investigation.case.rootCause is left out without cases:read, and compensation.approvedTotals and pendingCount without ' +
  'compensation:read.';

const REPORT =
  'Negative original mentions posted in [from, to) (default the last 90 days), each step counted whenever it happened. Time to ' +
  'public answer = answered at − posted at, in minutes (median and p90 over the answered). Weeks start on Monday in timeZone.';

/** The public-answer workflow of negative mentions and its report (Mentions page, case page, Recovery → Public answers). */
@ApiTags('mentions')
@Controller('workspaces/:workspaceId/mentions')
export class PublicAnswersController {
  constructor(
    private readonly workflow: PublicAnswersService,
    private readonly reports: PublicAnswersReportService,
  ) {}

  @Get('public-answers/report')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Negative mentions answered in public: shares, time to public answer, findings, compensation, weekly',
    description: REPORT,
  })
  @ApiOkResponse({ type: PublicAnswersReportDto })
  report(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: PublicAnswersReportQuery): Promise<PublicAnswersReportDto> {
    return this.reports.get(ws.workspaceId, query);
  }

  @Get('public-answers/report.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The public-answer report as CSV: one row per week, then the totals', description: REPORT })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  async reportCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: PublicAnswersReportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    // Headers only once the file is built, so a 400 keeps its JSON error body.
    const body = publicAnswersReportCsv(await this.reports.get(ws.workspaceId, query));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="public-answers.csv"');
    return body;
  }

  @Get(':mentionId/public-answer')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'A negative mention’s public workflow: the four steps with their times, the stage and the revision',
    description: WORKFLOW,
  })
  @ApiOkResponse({ type: PublicWorkflowDto })
  get(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('mentionId', uuidOr404('Mention')) id: string,
  ): Promise<PublicWorkflowDto> {
    return this.workflow.workflow(ws.workspaceId, id, workflowParts(p));
  }

  @Put(':mentionId/public-answer')
  @WorkspaceAccess(WRITE)
  @ApiOperation({
    summary: 'Record or edit the public answer (text, link, when it went up); the first one also marks the mention answered',
    description: WORKFLOW,
  })
  @ApiOkResponse({ type: PublicWorkflowDto })
  answer(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('mentionId', uuidOr404('Mention')) id: string,
    @Body() body: PublicAnswerInput,
  ): Promise<PublicWorkflowDto> {
    return this.workflow.answer(ws.workspaceId, actorOf(p), id, body, workflowParts(p));
  }

  @Delete(':mentionId/public-answer')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Clear the public answer (422 findings_recorded while findings follow it)', description: WORKFLOW })
  @ApiOkResponse({ type: PublicWorkflowDto })
  clearAnswer(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('mentionId', uuidOr404('Mention')) id: string,
    @Query() query: RevisionQuery,
  ): Promise<PublicWorkflowDto> {
    return this.workflow.clearAnswer(ws.workspaceId, id, query.revision, workflowParts(p));
  }

  @Put(':mentionId/public-answer/findings')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Publish or edit the findings (a public follow-up after the answer)', description: WORKFLOW })
  @ApiOkResponse({ type: PublicWorkflowDto })
  findings(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('mentionId', uuidOr404('Mention')) id: string,
    @Body() body: PublicFindingsInput,
  ): Promise<PublicWorkflowDto> {
    return this.workflow.publishFindings(ws.workspaceId, actorOf(p), id, body, workflowParts(p));
  }

  @Delete(':mentionId/public-answer/findings')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Clear the published findings', description: WORKFLOW })
  @ApiOkResponse({ type: PublicWorkflowDto })
  clearFindings(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('mentionId', uuidOr404('Mention')) id: string,
    @Query() query: RevisionQuery,
  ): Promise<PublicWorkflowDto> {
    return this.workflow.clearFindings(ws.workspaceId, id, query.revision, workflowParts(p));
  }

  @Post(':mentionId/case')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(OPEN_CASE)
  @ApiOperation({
    summary: 'Open the mention’s case to investigate it (or find the one it has: one case per mention); answers the workflow',
    description: `${WORKFLOW} Opens a case, so an API token needs cases:write and also mentions:write (else 403 insufficient_scope).`,
  })
  @ApiOkResponse({ type: PublicWorkflowDto })
  openCase(
    @CurrentWorkspace() ws: WorkspaceContext,
    @CurrentPrincipal() p: Principal,
    @Param('mentionId', uuidOr404('Mention')) id: string,
  ): Promise<PublicWorkflowDto> {
    assertTokenScope(p, 'mentions:write');
    return this.workflow.openCase(ws.workspaceId, actorOf(p), id, workflowParts(p));
  }
}
