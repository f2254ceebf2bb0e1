import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { InboxModule } from '../inbox/inbox.module';
import { OrgsModule } from '../orgs/orgs.module';
import { WorkflowEngineModule } from '../workflow-engine/workflow-engine.module';
import { AlertsService } from './alerts.service';
import { CrimeEscalationsController } from './crime-escalations.controller';
import { CrimeEscalations } from './crime-escalations.service';
import { RiskReporter } from './risk-reporter';
import { ScreeningController } from './screening.controller';
import { ScreeningService } from './screening.service';

/** Screening rounds, red-risk reports and the alert list (R-V4); 民转刑 records (R-T5). */
@Module({
  imports: [AuditModule, CasesModule, InboxModule, OrgsModule, WorkflowEngineModule],
  controllers: [ScreeningController, CrimeEscalationsController],
  providers: [ScreeningService, RiskReporter, AlertsService, CrimeEscalations],
})
export class ScreeningModule {}
