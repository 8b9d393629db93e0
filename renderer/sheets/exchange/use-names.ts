/**
 * Names for the codes in received packages: communes and districts by the office's own
 * unit list, sending offices by the installed trust list. Names are a convenience; a
 * code with no name is shown as it is.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client';

export function useUnitNames(client: ApiClient): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  useEffect(() => {
    let isCurrent = true;
    client
      .call('units.underOffice', {})
      .then((units) => {
        if (isCurrent) setNames(new Map(units.map((u) => [u.code, u.name])));
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, [client]);
  return names;
}

/** "Quận Ba Đình (T01-D001)", or the code alone when the trust list does not name it. */
export function officeText(code: string, officeNames: ReadonlyMap<string, string>): string {
  const name = officeNames.get(code);
  return name === undefined ? code : `${name} (${code})`;
}
