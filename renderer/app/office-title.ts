import type { Office } from '../../shared/api/contract';

/** "Huyện Đông Anh, Thành phố Hà Nội": the unit, then its parents nearest first. */
export function officeTitle(office: Office): string {
  return [office.name, ...office.parents].join(', ');
}

/** The window title names the office so two open workspaces are told apart. */
export function documentTitle(office: Office): string {
  return `PCMT Desk — ${officeTitle(office)}`;
}
