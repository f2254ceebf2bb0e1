import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { WorkflowEngineModule } from '../workflow-engine/workflow-engine.module';
import { DocumentGenerator } from './document-generator';
import { DocumentIssuer } from './document-issuer';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { UnitNames } from './unit-names';

@Module({
  imports: [OrgsModule, WorkflowEngineModule, AuditModule],
  controllers: [DocumentsController],
  providers: [DocumentIssuer, DocumentGenerator, DocumentsService, UnitNames],
  exports: [DocumentIssuer, DocumentGenerator, DocumentsService],
})
export class DocumentsModule {}
