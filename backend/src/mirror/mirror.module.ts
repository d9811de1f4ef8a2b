import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { SurveysModule } from '../surveys/surveys.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { UsersModule } from '../users/users.module';
import { MirrorAnswerEntity } from './mirror-answer.entity';
import { MirrorReportService } from './mirror-report.service';
import { MirrorStaff } from './mirror-staff';
import { MirrorSurveyEntity } from './mirror-survey.entity';
import { MirrorTouchpointEntity } from './mirror-touchpoint.entity';
import { MirrorController } from './mirror.controller';
import { MirrorRepository } from './mirror.repository';
import { MirrorService } from './mirror.service';

/**
 * The mirror survey (staff vs customers). Owns mirror_surveys, mirror_survey_touchpoints and mirror_answers; reads
 * surveys, responses, touchpoints, members and users only through their readers.
 */
@Module({
  imports: [
    SurveysModule,
    ResponsesReaderModule,
    TouchpointsModule,
    MembersModule,
    UsersModule,
    TypeOrmModule.forFeature([MirrorSurveyEntity, MirrorTouchpointEntity, MirrorAnswerEntity]),
  ],
  controllers: [MirrorController],
  providers: [MirrorRepository, MirrorStaff, MirrorService, MirrorReportService],
  exports: [MirrorService],
})
export class MirrorModule {}
