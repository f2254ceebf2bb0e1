// Every entity of the application, in one list for the DataSource and the migrations.
import { AuditChainHead } from '../audit/audit-chain-head.entity';
import { AuditRecord } from '../audit/audit-record.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { User } from '../auth/user.entity';
import { CaseAccess } from '../cases/case-access.entity';
import { CaseSegment } from '../cases/case-segment.entity';
import { CaseTransition } from '../cases/case-transition.entity';
import { CaseRecord } from '../cases/case.entity';
import { Party } from '../cases/party.entity';
import { PreventionFlag } from '../cases/prevention-flag.entity';
import { ClockRecord } from '../deadlines/clock.entity';
import { HolidayCalendarDay, HolidayCalendarYear } from '../deadlines/holiday-calendar.entity';
import { DocumentServiceRecord } from '../documents/document-service.entity';
import { DocumentRecord } from '../documents/document.entity';
import { InboxMessage } from '../inbox/inbox-message.entity';
import { Division } from '../orgs/division.entity';
import { ReportingLink } from '../orgs/reporting-link.entity';
import { CrimeEscalation } from '../screening/crime-escalation.entity';
import { RiskReport } from '../screening/risk-report.entity';
import { ScreeningFind, ScreeningFrequencySetting, ScreeningRound } from '../screening/screening-round.entity';
import { Unit } from '../orgs/unit.entity';
import { IdempotencyKey } from '../workflow-engine/idempotency-key.entity';
import { NumberSequence } from './number-sequence.entity';

export const entities = [
  Division,
  ReportingLink,
  Unit,
  User,
  CaseRecord,
  Party,
  PreventionFlag,
  CaseSegment,
  CaseTransition,
  CaseAccess,
  AuditRecord,
  AuditChainHead,
  RefreshToken,
  IdempotencyKey,
  NumberSequence,
  DocumentRecord,
  DocumentServiceRecord,
  ClockRecord,
  HolidayCalendarYear,
  HolidayCalendarDay,
  InboxMessage,
  ScreeningRound,
  ScreeningFind,
  ScreeningFrequencySetting,
  RiskReport,
  CrimeEscalation,
];
