import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResponseEntity } from './response.entity';
import { ResponseScoreRollupEntity } from './response-score-rollup.entity';
import { MatrixAnswersReader } from './matrix-answers.reader';
import { OpenAnswersReader } from './open-answers.reader';
import { ResponsesReader } from './responses.reader';
import { ScoreCountsReader } from './score-counts.reader';
import { InvitationResponsesReader } from './invitation-responses.reader';

/**
 * The one way other modules read `responses`. Kept apart from ResponsesModule (which imports SurveysModule) so the
 * surveys module can use it without a module cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ResponseEntity, ResponseScoreRollupEntity])],
  providers: [ResponsesReader, MatrixAnswersReader, OpenAnswersReader, InvitationResponsesReader, ScoreCountsReader],
  exports: [ResponsesReader, MatrixAnswersReader, OpenAnswersReader, InvitationResponsesReader, ScoreCountsReader],
})
export class ResponsesReaderModule {}
