import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { ListResponsesQuery, ResponsePageDto } from './responses.dto';
import { ResponsesService } from './responses.service';

const surveyId = uuidOr404('Survey');

@ApiTags('responses')
@Controller('workspaces/:workspaceId/surveys/:surveyId')
export class ResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get('responses')
  @WorkspaceAccess({ scope: 'responses:read' })
  @ApiOperation({ summary: "A survey's responses, newest first, a page at a time" })
  @ApiOkResponse({ type: ResponsePageDto })
  list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Query() query: ListResponsesQuery,
  ): Promise<ResponsePageDto> {
    return this.responses.list(ws.workspaceId, id, query);
  }

  @Get('responses.csv')
  @WorkspaceAccess({ scope: 'responses:read' })
  @ApiOperation({ summary: "Export a survey's responses as CSV (UTF-8 with BOM, formulas neutralised)" })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  async exportCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Query() query: ListResponsesQuery,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="responses-${id}.csv"`);
    await this.responses.exportCsv(ws.workspaceId, id, query, res);
  }
}
