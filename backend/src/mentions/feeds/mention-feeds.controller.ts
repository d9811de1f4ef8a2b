import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../../common/auth/access.decorators';
import type { WorkspaceContext } from '../../common/auth/principal';
import { ErrorResponseDto } from '../../common/http/error.dto';
import { uuidOr404 } from '../../common/http/uuid-or-404';
import { CreateMentionFeedDto, FeedPollResultDto, MentionFeedDto, UpdateMentionFeedDto } from './mention-feeds.dto';
import { MentionFeedsService } from './mention-feeds.service';

const READ = { scope: 'mentions:read' } as const;
const WRITE = { roles: ['admin', 'analyst'], scope: 'mentions:write' } as const;

/** RSS/Atom feeds polled for mentions. Registered before MentionsController so "feeds" is not taken for a mention id. */
@ApiTags('mentions')
@Controller('workspaces/:workspaceId/mentions/feeds')
export class MentionFeedsController {
  constructor(private readonly feeds: MentionFeedsService) {}

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'RSS/Atom feeds polled for mentions, with the outcome of their last poll' })
  @ApiOkResponse({ type: [MentionFeedDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext): Promise<MentionFeedDto[]> {
    return this.feeds.list(ws.workspaceId);
  }

  @Post()
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Add a feed; its URL must be a public http(s) address. Enabled feeds are polled at once, then every interval' })
  @ApiCreatedResponse({ type: MentionFeedDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The workspace already has this URL, or 50 feeds' })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateMentionFeedDto): Promise<MentionFeedDto> {
    return this.feeds.create(ws.workspaceId, body);
  }

  @Get(':feedId')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'One feed' })
  @ApiOkResponse({ type: MentionFeedDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('feedId', uuidOr404('Feed')) id: string): Promise<MentionFeedDto> {
    return this.feeds.get(ws.workspaceId, id);
  }

  @Patch(':feedId')
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Rename, change the URL, source or interval, or switch a feed on or off' })
  @ApiOkResponse({ type: MentionFeedDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('feedId', uuidOr404('Feed')) id: string,
    @Body() body: UpdateMentionFeedDto,
  ): Promise<MentionFeedDto> {
    return this.feeds.update(ws.workspaceId, id, body);
  }

  @Delete(':feedId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Delete a feed; the mentions it brought stay' })
  @ApiNoContentResponse()
  async remove(@CurrentWorkspace() ws: WorkspaceContext, @Param('feedId', uuidOr404('Feed')) id: string): Promise<void> {
    await this.feeds.remove(ws.workspaceId, id);
  }

  @Post(':feedId/poll')
  @HttpCode(HttpStatus.OK)
  @WorkspaceAccess(WRITE)
  @ApiOperation({ summary: 'Poll a feed now (enabled or not) and report the outcome: status, new and known items, error' })
  @ApiOkResponse({ type: FeedPollResultDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The feed is being polled right now' })
  poll(@CurrentWorkspace() ws: WorkspaceContext, @Param('feedId', uuidOr404('Feed')) id: string): Promise<FeedPollResultDto> {
    return this.feeds.pollNow(ws.workspaceId, id);
  }
}
