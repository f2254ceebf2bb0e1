import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { InboxModule } from '../inbox/inbox.module';
import { OrgsModule } from '../orgs/orgs.module';
import { WorkflowEngineModule } from '../workflow-engine/workflow-engine.module';
import { CalendarAdmin } from './calendar-admin';
import { ClockKeeper } from './clock-keeper';
import { ClockSweeper } from './clock-sweeper';
import { DeadlineSweeps } from './deadline-sweeps';
import { DeadlinesController } from './deadlines.controller';
import { HolidayCalendar } from './holiday-calendar';
import { OverdueLists } from './overdue-lists';

@Module({
  imports: [WorkflowEngineModule, OrgsModule, AuditModule, InboxModule],
  controllers: [DeadlinesController],
  providers: [HolidayCalendar, ClockKeeper, ClockSweeper, CalendarAdmin, OverdueLists, DeadlineSweeps],
  exports: [ClockSweeper, HolidayCalendar],
})
export class DeadlinesModule {}
