import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WorkflowEngineModule } from '../workflow-engine/workflow-engine.module';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';
import { SummaryWriter } from './summary-writer';

@Module({
  imports: [WorkflowEngineModule, AuditModule],
  controllers: [StatisticsController],
  providers: [SummaryWriter, StatisticsService],
  exports: [StatisticsService],
})
export class StatisticsModule {}
