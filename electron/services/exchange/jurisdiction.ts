/**
 * Whether an administrative unit lies in an office's jurisdiction (stage 6, step 31),
 * by the unit hierarchy in this workspace — data, never hard-coded (§3.10). Codes are
 * unique within a scheme across levels (2, 3 and 5 digits), so a code names one unit.
 */
import type { Workspace } from '../workspace';

export function isInJurisdiction(ws: Workspace, root: { scheme: string; code: string }, unitCode: string): boolean {
  const row = ws.db
    .prepare(
      `WITH RECURSIVE up(level, code, parent_level, parent_code, depth) AS (
         SELECT level, code, parent_level, parent_code, 0 FROM admin_units WHERE scheme = @scheme AND code = @unit
         UNION ALL
         SELECT u.level, u.code, u.parent_level, u.parent_code, up.depth + 1
         FROM admin_units u JOIN up ON u.scheme = @scheme AND u.level = up.parent_level AND u.code = up.parent_code
         WHERE up.depth < 8)
       SELECT 1 AS found FROM up WHERE code = @root LIMIT 1`,
    )
    .get({ scheme: root.scheme, unit: unitCode, root: root.code }) as { found: number } | undefined;
  return row !== undefined;
}
