import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../workflows/case';

export const REQUIRED_ROLES = 'sandiao:roles';
/** Only callers holding one of these roles reach the handler (403 otherwise). */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const TOTP_ENROLMENT = 'sandiao:totp-enrolment';
/** Routes an administrator may use with a token issued only to set up the second factor. */
export const AllowTotpEnrolment = () => SetMetadata(TOTP_ENROLMENT, true);

/** 三员分立: the system, security and audit administrators are separate people. */
export const adminRoles: Role[] = ['system-admin', 'security-admin', 'audit-admin'];
