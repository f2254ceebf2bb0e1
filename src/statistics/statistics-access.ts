// R-S1 for statistics: a unit reads its own report and those of the units that report to it in the
// month's tree (R-O1); the 综治中心 reads every track's statistics of its area; administrators all.
// R-T4: only the reporting unit submits; only its parent in the month's tree reopens.
import type { Actor } from '../../workflows/case';
import type { ReportTarget } from './report';
import { reportingUnitOf, type ReportingTree } from './reporting-tree';

const isAdmin = (actor: Actor) => actor.roles.includes('system-admin');

export function mayRead(actor: Actor, target: ReportTarget, tree: ReportingTree): boolean {
  if (isAdmin(actor) || actor.unit.code === target.unit.code) return true;
  const { kind, divisionCode } = actor.unit;
  if (kind === 'CG') return tree.within(target.unit.divisionCode, divisionCode);
  if (['MC', 'JO', 'JB'].includes(kind) && target.scope === 'peoples') return tree.within(target.unit.divisionCode, divisionCode);
  return false;
}

export function maySubmit(actor: Actor, target: ReportTarget): boolean {
  return target.scope === 'peoples' && actor.unit.code === target.unit.code && !(isAdmin(actor) && actor.roles.length === 1);
}

/** The parent's reporting unit; at the top of the tree (no parent unit) the administrator. */
export function mayReopen(actor: Actor, target: ReportTarget, tree: ReportingTree): boolean {
  const parent = tree.parentOf(target.unit.divisionCode);
  const parentDivision = parent ? tree.division(parent) : undefined;
  const parentUnit = parentDivision ? reportingUnitOf(parentDivision, 'peoples') : undefined;
  return parentUnit ? actor.unit.code === parentUnit : isAdmin(actor);
}
