import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { notFound } from '../common/http/api-error';
import { KindMetricsQuery, MetricsQuery, SurveyMetricsDto } from './survey-metrics.dto';
import { SurveyMetricsService } from './survey-metrics.service';

const surveyId = uuidOr404('Survey');
const KINDS = ['nps', 'csat', 'ces'] as const;

@ApiTags('metrics')
@Controller('workspaces/:workspaceId')
export class SurveyMetricsController {
  constructor(private readonly metrics: SurveyMetricsService) {}

  @Get('surveys/:surveyId/metrics')
  @WorkspaceAccess({ scope: 'responses:read' })
  @ApiOperation({
    summary: "A survey's score with its margin of error, trend, distribution, response rate and change vs the previous period",
  })
  @ApiOkResponse({ type: SurveyMetricsDto })
  forSurvey(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Query() query: MetricsQuery,
  ): Promise<SurveyMetricsDto> {
    return this.metrics.forSurvey(ws.workspaceId, id, query);
  }

  @Get('metrics/:kind')
  @WorkspaceAccess({ scope: 'responses:read' })
  @ApiOperation({ summary: 'NPS, CSAT or CES across all surveys of that kind (optionally one touchpoint)' })
  @ApiParam({ name: 'kind', enum: KINDS })
  @ApiOkResponse({ type: SurveyMetricsDto })
  forKind(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('kind') kind: string,
    @Query() query: KindMetricsQuery,
  ): Promise<SurveyMetricsDto> {
    if (!(KINDS as readonly string[]).includes(kind)) throw notFound('Metric');
    return this.metrics.forKind(ws.workspaceId, kind as (typeof KINDS)[number], query);
  }
}
