// Migrations in order. Add each new one here (the list is explicit so a build never misses a file).
import { Foundation1795752000000 } from './1795752000000-Foundation';
import { Hardening1795800000000 } from './1795800000000-Hardening';
import { Documents1795760000000 } from './1795760000000-Documents';
import { Deadlines1795770000000 } from './1795770000000-Deadlines';
import { ReferralsScreening1795780000000 } from './1795780000000-ReferralsScreening';
import { Statistics1795790000000 } from './1795790000000-Statistics';
import { StatisticsRecountIndexes1795790000001 } from './1795790000001-StatisticsRecountIndexes';
import { CrimeEscalations1795810000000 } from './1795810000000-CrimeEscalations';
import { SegmentFacts1795820000000 } from './1795820000000-SegmentFacts';
import { EventFactIndexes1795830000000 } from './1795830000000-EventFactIndexes';
import { CaseAccessCovering1795840000000 } from './1795840000000-CaseAccessCovering';

export const migrations = [Foundation1795752000000, Hardening1795800000000, Documents1795760000000, Deadlines1795770000000, ReferralsScreening1795780000000, Statistics1795790000000, StatisticsRecountIndexes1795790000001, CrimeEscalations1795810000000, SegmentFacts1795820000000, EventFactIndexes1795830000000, CaseAccessCovering1795840000000];
