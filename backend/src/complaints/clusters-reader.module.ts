import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClusterEntity } from './cluster.entity';
import { ClustersReader } from './clusters.reader';

/** The one way other modules read clusters; apart from ComplaintsModule so readers need none of its controllers or jobs. */
@Module({
  imports: [TypeOrmModule.forFeature([ClusterEntity])],
  providers: [ClustersReader],
  exports: [ClustersReader],
})
export class ClustersReaderModule {}
