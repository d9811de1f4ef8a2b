import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MENTION_STAGE_SQL } from '../common/recovery/mention-stage.port';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { CasesModule } from '../cases/cases.module';
import { MentionsReaderModule } from '../mentions/mentions-reader.module';
import { MentionsModule } from '../mentions/mentions.module';
import { MessagingModule } from '../messaging/messaging.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { UsersModule } from '../users/users.module';
import { MentionPublicAnswerEntity } from './mention-public-answer.entity';
import { MentionStageSqlProvider } from './mention-stage-sql.provider';
import { PublicAnswersController } from './public-answers.controller';
import { PublicAnswersReportRepository } from './public-answers-report.repository';
import { PublicAnswersReportService } from './public-answers-report.service';
import { PublicAnswersRepository } from './public-answers.repository';
import { PublicAnswersService } from './public-answers.service';

/** Answering negative mentions in public: answer, investigate (the case), publish findings, compensate; the report. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MentionPublicAnswerEntity]),
    MentionsReaderModule,
    MentionsModule,
    CasesReaderModule,
    CasesModule,
    TouchpointsModule,
    MessagingModule,
    UsersModule,
  ],
  controllers: [PublicAnswersController],
  providers: [
    PublicAnswersRepository,
    PublicAnswersReportRepository,
    PublicAnswersService,
    PublicAnswersReportService,
    // The Mentions list's stage column and filter (mentions looks this token up without importing this module).
    MentionStageSqlProvider,
    { provide: MENTION_STAGE_SQL, useExisting: MentionStageSqlProvider },
  ],
  exports: [PublicAnswersService],
})
export class PublicAnswersModule {}
