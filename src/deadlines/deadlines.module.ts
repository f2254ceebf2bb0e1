import { Module } from '@nestjs/common';
import { WorkflowEngineModule } from '../workflow-engine/workflow-engine.module';
import { ClockKeeper } from './clock-keeper';

@Module({ imports: [WorkflowEngineModule], providers: [ClockKeeper] })
export class DeadlinesModule {}
