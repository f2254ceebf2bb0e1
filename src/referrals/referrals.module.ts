import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { OrgsModule } from '../orgs/orgs.module';
import { ReferralIntake } from './referral-intake.service';
import { ReferralsController } from './referrals.controller';

/** Court referral 诉调对接 and petition referral 访调对接 intakes (domain §7–§8). */
@Module({ imports: [CasesModule, OrgsModule], controllers: [ReferralsController], providers: [ReferralIntake] })
export class ReferralsModule {}
