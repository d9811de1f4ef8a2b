import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MentionEntity } from './mention.entity';
import { MentionsReader } from './mentions.reader';

/** The one way other modules read `mentions`; apart from MentionsModule so readers need none of its controllers or jobs. */
@Module({
  imports: [TypeOrmModule.forFeature([MentionEntity])],
  providers: [MentionsReader],
  exports: [MentionsReader],
})
export class MentionsReaderModule {}
