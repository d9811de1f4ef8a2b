import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentWorkspace, WorkspaceAccess } from '../common/auth/access.decorators';
import type { WorkspaceContext } from '../common/auth/principal';
import { sendCsv } from '../common/http/send-csv';
import { uuidOr404 } from '../common/http/uuid-or-404';
import { parametersCsv } from './survey-parameters.csv';
import { ParametersQuery, SurveyParametersDto } from './survey-parameters.dto';
import { SurveyParametersService } from './survey-parameters.service';

const surveyId = uuidOr404('Survey');
const READ = { scope: 'responses:read' } as const;

/** Satisfaction by parameter: the results of a survey's rating matrix. */
@ApiTags('metrics')
@Controller('workspaces/:workspaceId/surveys/:surveyId/parameters')
export class SurveyParametersController {
  constructor(private readonly parameters: SurveyParametersService) {}

  @Get()
  @WorkspaceAccess(READ)
  @ApiOperation({
    summary: 'Per parameter of the survey’s rating matrix: mean with margin of error, distribution, monthly trend and importance',
    description:
      "Importance is each parameter's Pearson correlation with the overall score; quadrants split both axes at the parameters' medians. 404 when the survey has no matrix question.",
  })
  @ApiOkResponse({ type: SurveyParametersDto })
  report(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Query() query: ParametersQuery,
  ): Promise<SurveyParametersDto> {
    return this.parameters.forSurvey(ws.workspaceId, id, query);
  }

  @Get('report.csv')
  @WorkspaceAccess(READ)
  @ApiOperation({ summary: 'The per-parameter results as CSV: one row per parameter, then one per parameter and month' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file' })
  reportCsv(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('surveyId', surveyId) id: string,
    @Query() query: ParametersQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const report = this.parameters.forSurvey(ws.workspaceId, id, query);
    return sendCsv(
      res,
      'parameters.csv',
      report.then((r) => parametersCsv(r, query.language ?? 'en')),
    );
  }
}
