import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { uuidOr404 } from '../../common/http/uuid-or-404';
import { MessagingService } from '../../messaging/messaging.service';
import { CasesService } from '../cases.service';
import { CaseMessageDto, ReplyPlanDto, ReplyPlanQuery, toCaseMessageDto, toReplyPlanDto } from './case-thread.dto';

const READ = { scope: 'cases:read' } as const;

/** A case's conversation with the customer: the messages both ways, and where a reply would go. */
@ApiTags('cases')
@Controller('workspaces/:workspaceId/cases/:caseId')
export class CaseThreadController {
  constructor(
    private readonly cases: CasesService,
    private readonly messaging: MessagingService,
  ) {}

  @Get('messages')
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: "The case's thread both ways, oldest first: our replies (channel, delivery state, bounce/failure) and the customer's",
  })
  @ApiOkResponse({ type: [CaseMessageDto] })
  async messages(@CurrentWorkspace() ws: WorkspaceContext, @Param('caseId', uuidOr404('Case')) id: string): Promise<CaseMessageDto[]> {
    await this.cases.get(ws.workspaceId, id); // 404 for another workspace's case
    return (await this.messaging.listForCase(ws.workspaceId, id)).map(toCaseMessageDto);
  }

  @Get('reply-plan')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: "Where a reply would go now: the customer's channel and address (or why not), language, subject, thread" })
  @ApiOkResponse({ type: ReplyPlanDto })
  async plan(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('caseId', uuidOr404('Case')) id: string,
    @Query() query: ReplyPlanQuery,
  ): Promise<ReplyPlanDto> {
    return toReplyPlanDto(await this.cases.replyPlan(ws.workspaceId, id, { via: query.via ?? null, publicUrl: query.publicUrl ?? null }));
  }
}
