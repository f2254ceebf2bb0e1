import { Module } from '@nestjs/common';
import { OrgsModule } from '../orgs/orgs.module';
import { WorkflowEngineModule } from '../workflow-engine/workflow-engine.module';
import { DocumentIssuer } from './document-issuer';

@Module({ imports: [OrgsModule, WorkflowEngineModule], providers: [DocumentIssuer], exports: [DocumentIssuer] })
export class DocumentsModule {}
