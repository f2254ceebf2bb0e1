import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { InboxModule } from '../inbox/inbox.module';
import { OrgsModule } from '../orgs/orgs.module';
import { WorkflowEngineModule } from '../workflow-engine/workflow-engine.module';
import { AlertsService } from './alerts.service';
import { RiskReporter } from './risk-reporter';
import { ScreeningController } from './screening.controller';
import { ScreeningService } from './screening.service';

/** Screening rounds, red-risk reports and the alert list (R-V4). */
@Module({
  imports: [CasesModule, InboxModule, OrgsModule, WorkflowEngineModule],
  controllers: [ScreeningController],
  providers: [ScreeningService, RiskReporter, AlertsService],
})
export class ScreeningModule {}
