import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { EffectRegistry } from './effects';
import { WorkflowEngine } from './workflow-engine';

@Module({
  imports: [OrgsModule, AuditModule],
  providers: [EffectRegistry, WorkflowEngine],
  exports: [EffectRegistry, WorkflowEngine],
})
export class WorkflowEngineModule {}
