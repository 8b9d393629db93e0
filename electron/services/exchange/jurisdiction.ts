/**
 * Whether an administrative unit lies in an office's jurisdiction (stage 6, step 31),
 * by the unit hierarchy in this workspace — data, never hard-coded (§3.10). Codes are
 * unique within a scheme across levels (2, 3 and 5 digits), so a code names one unit.
 */
import type { Workspace } from '../workspace';

/** The level §2.6's "commune code" must name: a district's code inside its own jurisdiction is not a commune. */
export const COMMUNE_LEVEL = 'COMMUNE';

/** `level`, when given, is the level the unit itself must have (membership alone let a district pass as a commune). */
export function isInJurisdiction(ws: Workspace, root: { scheme: string; code: string }, unitCode: string, level: string | null = null): boolean {
  const row = ws.db
    .prepare(
      `WITH RECURSIVE up(level, code, parent_level, parent_code, depth) AS (
         SELECT level, code, parent_level, parent_code, 0 FROM admin_units
         WHERE scheme = @scheme AND code = @unit AND (@level IS NULL OR level = @level)
         UNION ALL
         SELECT u.level, u.code, u.parent_level, u.parent_code, up.depth + 1
         FROM admin_units u JOIN up ON u.scheme = @scheme AND u.level = up.parent_level AND u.code = up.parent_code
         WHERE up.depth < 8)
       SELECT 1 AS found FROM up WHERE code = @root LIMIT 1`,
    )
    .get({ scheme: root.scheme, unit: unitCode, root: root.code, level }) as { found: number } | undefined;
  return row !== undefined;
}
