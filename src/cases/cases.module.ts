import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { WorkflowEngineModule } from '../workflow-engine/workflow-engine.module';
import { CaseViews } from './case-view';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [WorkflowEngineModule, OrgsModule, AuditModule],
  controllers: [CasesController],
  providers: [CasesService, CaseViews],
  exports: [CasesService, CaseViews],
})
export class CasesModule {}
